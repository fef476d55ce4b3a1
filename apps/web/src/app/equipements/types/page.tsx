import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { saveKindAction } from "../actions.ts";
import { KindForm } from "./kind-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("assets");
  return { title: t("kindsTitle") };
}

/** The kinds of equipment: everyone on the staff reads them, admins edit them (one form at a time). */
export default async function AssetKindsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffOrNotFound();
  const t = await getTranslations("assets");
  const kinds = await (await api()).assets.kinds();
  const admin = actor.role === "admin";
  const { modifier } = await searchParams;
  const editing = kinds.find((k) => k.id === modifier);
  const yes = (b: boolean) => (b ? t("yes") : t("no"));
  const labels = {
    code: t("kindCode"),
    label: t("kindLabel"),
    holdsData: t("holdsData"),
    isKit: t("isKit"),
    position: t("position"),
    active: t("active"),
    save: t("saveKind"),
    add: t("addKind"),
  };
  return (
    <>
      <PageTitle lead={t("kindsLead")}>{t("kindsTitle")}</PageTitle>
      <Table
        caption={t("kindsTitle")}
        headers={[t("kindLabel"), t("kindCode"), t("isKit"), t("holdsData"), t("active"), t("position")]}
      >
        {kinds.map((k) => (
          <tr key={k.id}>
            <Cell header>
              {admin ? (
                <Link href={`/equipements/types?modifier=${k.id}#kind-form`}>{k.label}</Link>
              ) : (
                k.label
              )}
            </Cell>
            <Cell>
              <code>{k.code}</code>
            </Cell>
            <Cell>{yes(k.isKit)}</Cell>
            <Cell>{yes(k.holdsData)}</Cell>
            <Cell>{yes(k.active)}</Cell>
            <Cell>{k.position}</Cell>
          </tr>
        ))}
      </Table>
      {admin ? (
        <section aria-labelledby="kind-form" className="mt-6 rounded-md border border-slate-200 bg-white p-3">
          <h2 id="kind-form" className="mb-3 text-lg font-semibold">
            {editing ? editing.label : t("addKind")}
          </h2>
          <KindForm
            key={editing?.id ?? "new"}
            action={saveKindAction.bind(null, editing?.id ?? null)}
            labels={labels}
            initial={
              editing
                ? {
                    code: editing.code,
                    label: editing.label,
                    position: String(editing.position),
                    holdsData: editing.holdsData,
                    isKit: editing.isKit,
                    active: editing.active,
                  }
                : undefined
            }
          />
        </section>
      ) : null}
    </>
  );
}

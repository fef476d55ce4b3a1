import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("migrations.templates");
  return { title: t("title") };
}

export default async function TemplatesPage() {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("migrations.templates");
  const templates = await (await api()).migrations.templates({});
  const admin = actor.role === "admin" || actor.role === "manager";
  const sorted = [...templates].sort(
    (a, b) => a.service.localeCompare(b.service, "fr") || a.name.localeCompare(b.name, "fr"),
  );
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {admin ? (
        <p className="mb-4">
          <Link href="/reprises/modeles/nouveau" className="underline">
            {t("new")}
          </Link>
        </p>
      ) : (
        <p className="mb-4 text-slate-700">{t("readOnly")}</p>
      )}
      {sorted.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("caption")} headers={[t("service"), t("name"), t("columns"), ""]}>
          {sorted.map((x) => (
            <tr key={x.id}>
              <Cell>{x.service}</Cell>
              <Cell>{x.name}</Cell>
              <Cell>
                {t("columnCount", { n: x.columns.length })} : {x.columns.map((c) => c.label).join(", ")}
              </Cell>
              <Cell>
                {admin ? (
                  <Link
                    href={`/reprises/modeles/${x.id}`}
                    className="underline"
                    aria-label={t("editName", { name: x.name })}
                  >
                    {t("edit")}
                  </Link>
                ) : null}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { InviteForm } from "./invite-form.tsx";
import { partnerBodyOptions, roleOptions } from "./options.ts";
import { FilterBar, FilterInput } from "../../../components/filter-bar.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaffOrNotFound();
  if (actor.role !== "admin") redirect("/");
  const t = await getTranslations();
  const { q, cursor } = await searchParams;
  const caller = await api();
  const [people, bodies] = await Promise.all([
    caller.people
      .list({ q: q?.slice(0, 100) || undefined, cursor: cursor?.slice(0, 500) })
      .catch(() => caller.people.list({})),
    caller.bodies.list({ limit: 100 }),
  ]);
  return (
    <>
      <PageTitle>{t("people.title")}</PageTitle>
      <section aria-labelledby="invite" className="mb-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="invite" className="mb-4 text-lg font-semibold">
          {t("people.invite")}
        </h2>
        <InviteForm
          labels={{
            email: t("fields.email"),
            name: t("fields.name"),
            role: t("fields.role"),
            body: t("people.bodyForAgent"),
            locale: t("people.locale"),
            submit: t("people.sendInvitation"),
            success: t("people.invited"),
            noBody: t("people.noBody"),
          }}
          roles={roleOptions(t)}
          bodies={partnerBodyOptions(bodies.items)}
        />
      </section>
      <FilterBar label={t("people.search")} submit={t("bodies.filter")} search boxed={false}>
        <FilterInput name="q" label={t("people.search")} value={q} type="search" maxLength={100} />
      </FilterBar>
      <Table
        caption={t("people.title")}
        headers={[
          t("fields.name"),
          t("fields.email"),
          t("fields.role"),
          t("fields.bodyIds"),
          t("people.state"),
        ]}
      >
        {people.items.map((p) => (
          <tr key={p.id}>
            <Cell header>
              <Link href={`/admin/personnes/${p.id}`}>{p.name}</Link>
            </Cell>
            <Cell>{p.email}</Cell>
            <Cell>{t(`roles.${p.role}`)}</Cell>
            <Cell>{p.bodies.map((b) => b.legalName).join(", ")}</Cell>
            <Cell>
              {!p.active
                ? t("people.inactive")
                : p.invitationPending
                  ? t("people.pending")
                  : t("people.activeState")}
            </Cell>
          </tr>
        ))}
      </Table>
      {people.nextCursor ? (
        <p className="mt-4">
          <Link
            href={`/admin/personnes?${new URLSearchParams({ ...(q ? { q } : {}), cursor: people.nextCursor })}`}
          >
            {t("bodies.next")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

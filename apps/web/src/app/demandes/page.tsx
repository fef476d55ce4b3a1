import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { TicketTable } from "../tickets/ticket-table.tsx";
import { FilterBar, FilterInput } from "../../components/filter-bar.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("mine") };
}

const params = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

/** A partner agent's tickets (their bodies' only), with the promised deadline in plain words. */
export default async function MyRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("tickets");
  const f = params.parse(await searchParams);
  const caller = await api();
  const searching = !!f.q && f.q.length >= 2;
  // A ticket number, as a caller reads it out, goes straight to the ticket.
  const exact = searching ? await caller.tickets.byNumber({ q: f.q!.slice(0, 40) }) : null;
  if (exact) redirect(`/tickets/${exact.id}`);
  const page = searching
    ? null
    : await caller.tickets
        .list({ cursor: f.cursor, limit: 25 })
        .catch(() => caller.tickets.list({ limit: 25 }));
  const items = searching ? await caller.tickets.search({ q: f.q! }) : page!.items;
  return (
    <>
      <PageTitle lead={t("mineLead")}>{t("mine")}</PageTitle>
      {actor.role === "agent" ? (
        <p className="mb-4">
          <Link
            href="/demandes/nouvelle"
            className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline"
          >
            {t("new")}
          </Link>
        </p>
      ) : null}
      <FilterBar label={t("searchLabel")} submit={t("searchButton")} search boxed={false}>
        <FilterInput name="q" label={t("search")} value={f.q} type="search" maxLength={200} wide />
      </FilterBar>
      {items.length === 0 ? (
        <p className="text-slate-700">{t("emptyMine")}</p>
      ) : (
        <TicketTable items={items} partner />
      )}
      {page?.nextCursor ? (
        <p className="mt-4">
          <Link href={`/demandes?cursor=${page.nextCursor}`}>{t("next")}</Link>
        </p>
      ) : null}
    </>
  );
}

import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { TicketTable } from "../tickets/ticket-table.tsx";
import { FilterBar, FilterInput } from "../../components/filter-bar.tsx";
import { buttonClass } from "../../components/ui/button.tsx";
import { LinkTabs } from "../../components/ui/tabs.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("mine") };
}

const params = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
  etat: z.enum(["en-cours", "resolues", "toutes"]).default("en-cours").catch("en-cours"),
});

// The tabs of « Mes demandes » and the list filter each one stands for.
type TabFilter = { open?: boolean; status?: ("resolved" | "closed")[] };
const TABS: Record<"en-cours" | "resolues" | "toutes", { label: string; empty: string; filter: TabFilter }> =
  {
    "en-cours": { label: "tabOpen", empty: "emptyOpen", filter: { open: true } },
    resolues: { label: "tabResolved", empty: "emptyResolved", filter: { status: ["resolved", "closed"] } },
    toutes: { label: "tabAll", empty: "emptyMine", filter: {} },
  };

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
        .list({ ...TABS[f.etat].filter, cursor: f.cursor, limit: 25 })
        .catch(() => caller.tickets.list({ ...TABS[f.etat].filter, limit: 25 }));
  const tabHref = (etat: keyof typeof TABS) => (etat === "en-cours" ? "/demandes" : `/demandes?etat=${etat}`);
  const items = searching ? await caller.tickets.search({ q: f.q! }) : page!.items;
  return (
    <>
      <PageTitle lead={t("mineLead")}>{t("mine")}</PageTitle>
      {actor.role === "agent" ? (
        <p className="mb-4">
          <Link href="/demandes/nouvelle" className={buttonClass({ size: "lg" })}>
            {t("new")}
          </Link>
        </p>
      ) : null}
      <FilterBar label={t("searchMineLabel")} submit={t("searchButton")} search boxed={false}>
        <FilterInput name="q" label={t("search")} value={f.q} type="search" maxLength={200} wide />
      </FilterBar>
      {!searching ? (
        <div className="mb-4">
          <LinkTabs
            label={t("tabsLabel")}
            tabs={(Object.keys(TABS) as (keyof typeof TABS)[]).map((etat) => ({
              href: tabHref(etat),
              label: t(TABS[etat].label),
              current: etat === f.etat,
            }))}
          />
        </div>
      ) : null}
      {items.length === 0 ? (
        <p className="text-slate-700">{searching ? t("emptyMine") : t(TABS[f.etat].empty)}</p>
      ) : (
        <TicketTable items={items} partner />
      )}
      {page?.nextCursor ? (
        <p className="mt-4">
          <Link
            href={`${tabHref(f.etat)}${f.etat === "en-cours" ? "?" : "&"}cursor=${encodeURIComponent(page.nextCursor)}`}
          >
            {t("next")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

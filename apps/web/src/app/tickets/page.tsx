import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { QUEUE_SORTS, QUEUE_VIEWS, STATUSES } from "@mutuo/core/tickets";
import { PageTitle } from "../../components/page-title.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { bodyChoices } from "../conventions/options.ts";
import { bulkAction } from "./actions.ts";
import { BulkForm } from "./bulk-form.tsx";
import { QueueShortcuts } from "./shortcuts.tsx";
import { TicketTable } from "./ticket-table.tsx";
import { FilterBar, FilterSelect, FilterInput } from "../../components/filter-bar.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("queue") };
}

const uuid = z.string().uuid().optional().catch(undefined);
const params = z.object({
  view: z.enum(QUEUE_VIEWS).catch("all"),
  status: z.enum([...STATUSES, "open", "any"]).catch("open"),
  priority: z.enum(["critical", "high", "medium", "low"]).optional().catch(undefined),
  body: uuid,
  service: uuid,
  assignee: uuid,
  channel: z.enum(["portal", "email", "phone", "letter"]).optional().catch(undefined),
  sla: z.enum(["ok", "warning", "breached", "met", "paused", "none"]).optional().catch(undefined),
  sort: z.enum(QUEUE_SORTS).catch("received"),
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("tickets");
  const f = params.parse(await searchParams);
  const caller = await api();
  const filter = {
    view: f.view,
    sort: f.sort,
    priority: f.priority,
    bodyId: f.body,
    serviceId: f.service,
    assigneeId: f.assignee,
    channel: f.channel,
    slaState: f.sla,
    ...(f.status === "open" ? { open: true } : f.status === "any" ? {} : { status: [f.status] }),
  };
  const searching = !!f.q && f.q.length >= 2;
  // A ticket number, as a caller reads it out, goes straight to the ticket.
  const exact = searching ? await caller.tickets.byNumber({ q: f.q!.slice(0, 40) }) : null;
  if (exact) redirect(`/tickets/${exact.id}`);
  const [page, found, counts, services, choices, staff] = await Promise.all([
    searching
      ? Promise.resolve(null)
      : caller.tickets
          .list({ ...filter, cursor: f.cursor, limit: 50 })
          .catch(() => caller.tickets.list({ ...filter, limit: 50 })),
    searching ? caller.tickets.search({ q: f.q! }) : Promise.resolve(null),
    caller.tickets.counts(),
    caller.catalogue.list(),
    bodyChoices(caller),
    caller.tickets.assignable(),
  ]);
  const items = found ?? page!.items;
  const keep = Object.fromEntries(
    Object.entries({
      view: f.view,
      status: f.status,
      priority: f.priority,
      body: f.body,
      service: f.service,
      assignee: f.assignee,
      channel: f.channel,
      sla: f.sla,
      sort: f.sort,
    }).filter(([, v]) => v),
  ) as Record<string, string>;
  const href = (extra: Record<string, string>) =>
    `/tickets?${new URLSearchParams({ ...keep, ...extra }).toString()}`;

  return (
    <>
      <PageTitle lead={t("queueLead")}>{t("queue")}</PageTitle>
      <QueueShortcuts newHref="/tickets/nouveau" />
      <p className="mb-4 flex flex-wrap gap-4">
        <Link href="/tickets/nouveau">{t("staffNew")}</Link>
        <span className="text-sm text-slate-700">{t("shortcutsHint")}</span>
      </p>
      <nav aria-label={t("views")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {(["all", "mine", "unassigned", "breaching"] as const).map((v) => (
            <li key={v}>
              <Link
                href={`/tickets?view=${v}`}
                aria-current={f.view === v ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${f.view === v ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}
              >
                {t(`view.${v}`)}
                {v !== "all"
                  ? ` (${counts.views[v]})`
                  : ` (${Object.values(counts.byStatus).reduce((a, b) => a + b, 0)})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-4 text-sm text-slate-700">
        {(["new", "assigned", "in_progress", "waiting_partner"] as const)
          .map((s) => `${t(`status.${s}`)} : ${counts.byStatus[s] ?? 0}`)
          .join(" · ")}
      </p>

      <FilterBar label={t("searchLabel")} submit={t("searchButton")} search boxed={false}>
        <FilterInput name="q" label={t("search")} value={f.q} type="search" maxLength={200} wide />
      </FilterBar>

      <FilterBar label={t("filters")} submit={t("filter")}>
        <input type="hidden" name="view" value={f.view} />
        <FilterSelect
          name="status"
          label={t("statusLabel")}
          value={f.status}
          options={[
            { value: "open", label: t("openOnly") },
            { value: "any", label: t("all") },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <FilterSelect
          name="priority"
          label={t("priority")}
          value={f.priority}
          all={t("all")}
          options={["critical", "high", "medium", "low"].map((p) => ({
            value: p,
            label: t(`priorities.${p}`),
          }))}
        />
        <FilterSelect
          name="body"
          label={t("body")}
          value={f.body}
          all={t("all")}
          options={choices.bodies.map((b) => ({ value: b.id, label: b.legalName }))}
        />
        <FilterSelect
          name="service"
          label={t("service")}
          value={f.service}
          all={t("all")}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="assignee"
          label={t("assignee")}
          value={f.assignee}
          all={t("all")}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="channel"
          label={t("channelLabel")}
          value={f.channel}
          all={t("all")}
          options={["portal", "email", "phone", "letter"].map((c) => ({
            value: c,
            label: t(`channel.${c}`),
          }))}
        />
        <FilterSelect
          name="sla"
          label={t("slaLabel")}
          value={f.sla}
          all={t("all")}
          options={["ok", "warning", "breached", "paused", "met", "none"].map((s) => ({
            value: s,
            label: t(`sla.${s}`),
          }))}
        />
        <FilterSelect
          name="sort"
          label={t("sort")}
          value={f.sort}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
        />
      </FilterBar>

      {searching ? (
        <p className="mb-3" role="status">
          {t("searchResults", { count: items.length, q: f.q! })}
        </p>
      ) : null}
      <BulkForm
        action={bulkAction}
        staff={staff.map((s) => ({ value: s.id, label: s.name }))}
        empty={items.length === 0}
      >
        {items.length === 0 ? (
          <p className="text-slate-700">{t("empty")}</p>
        ) : (
          <TicketTable items={items} selectable />
        )}
      </BulkForm>
      {page?.nextCursor ? (
        <p className="mt-4">
          <Link href={href({ cursor: page.nextCursor })}>{t("next")}</Link>
        </p>
      ) : null}
    </>
  );
}

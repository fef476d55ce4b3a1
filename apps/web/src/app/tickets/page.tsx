import { Share2, X } from "lucide-react";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import {
  QUEUE_COLUMNS,
  QUEUE_VIEWS,
  STATUSES,
  filterParams,
  parseColumns,
  queueFilters,
  toListInput,
  type QueueFilters,
} from "@mutuo/core/tickets";
import { buttonClass, cn } from "../../components/ui/index.ts";
import { api } from "../../server/api.ts";
import { now } from "../../server/clock.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { bodyChoices } from "../conventions/options.ts";
import { bulkAction } from "./actions.ts";
import { BulkForm } from "./bulk-form.tsx";
import { LiveBanner } from "./live-banner.tsx";
import { MoreFilters } from "./more-filters.tsx";
import { QueueShortcuts } from "./shortcuts.tsx";
import { QueueTable } from "./ticket-table.tsx";
import { viewHref } from "./view-href.ts";
import { ManageView, SaveViewDialog } from "./views-bar.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("queue") };
}

const extra = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
  vue: z.string().uuid().optional().catch(undefined),
});

/** Filters shown as chips (removable one by one); the built-in view and the sort have their own controls. */
const CHIPS = ["status", "priority", "body", "service", "assignee", "channel", "sla"] as const;

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("tickets");
  const q = await getTranslations("queue");
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const f = queueFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, one(v)])));
  const {
    q: search,
    cursor,
    vue,
  } = extra.parse({ q: one(raw.q), cursor: one(raw.cursor), vue: one(raw.vue) });
  const columns = parseColumns(raw.cols);
  const caller = await api();
  const filter = toListInput(f);
  const searching = !!search && search.length >= 2;
  // A ticket number, as a caller reads it out, goes straight to the ticket.
  const exact = searching ? await caller.tickets.byNumber({ q: search.slice(0, 40) }) : null;
  if (exact) redirect(`/tickets/${exact.id}`);
  const [page, found, counts, views, services, choices, staff, changes] = await Promise.all([
    searching
      ? Promise.resolve(null)
      : caller.tickets
          .list({ ...filter, cursor, limit: 50 })
          .catch(() => caller.tickets.list({ ...filter, limit: 50 })),
    searching ? caller.tickets.search({ q: search }) : Promise.resolve(null),
    caller.tickets.counts(),
    caller.views.list(),
    caller.catalogue.list(),
    bodyChoices(caller),
    caller.tickets.assignable(),
    caller.tickets.changes(filter),
  ]);
  const items = found ?? page!.items;
  const current = views.find((v) => v.id === vue);
  const href = (filters: QueueFilters, more: Record<string, string | undefined> = {}) =>
    viewHref({ filters, columns, extra: more });

  // Labels of the filter values, for the chips and the « more filters » panel.
  const options: Record<(typeof CHIPS)[number], { value: string; label: string }[]> = {
    status: [
      { value: "open", label: t("openOnly") },
      { value: "any", label: t("all") },
      ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
    ],
    priority: ["critical", "high", "medium", "low"].map((p) => ({ value: p, label: t(`priorities.${p}`) })),
    body: choices.bodies.map((b) => ({ value: b.id, label: b.legalName })),
    service: services.map((s) => ({ value: s.id, label: s.name })),
    assignee: staff.map((s) => ({ value: s.id, label: s.name })),
    channel: ["portal", "email", "phone", "letter"].map((c) => ({ value: c, label: t(`channel.${c}`) })),
    sla: ["ok", "warning", "breached", "paused", "met", "none"].map((s) => ({
      value: s,
      label: t(`sla.${s}`),
    })),
  };
  const labels: Record<(typeof CHIPS)[number], string> = {
    status: t("statusLabel"),
    priority: t("priority"),
    body: t("body"),
    service: t("service"),
    assignee: t("assignee"),
    channel: t("channelLabel"),
    sla: t("slaLabel"),
  };
  const chips = CHIPS.filter((k) => f[k] !== undefined && f[k] !== queueFilters.parse({})[k]).map((k) => {
    const value = options[k].find((o) => o.value === f[k])?.label ?? String(f[k]);
    const text = q("chip", { label: labels[k], value });
    const without = { ...f, [k]: k === "status" ? "open" : undefined } as QueueFilters;
    return { key: k, text, href: href(without) };
  });
  const builtIn = QUEUE_VIEWS.map((v) => ({
    key: v,
    href: `/tickets?view=${v}`,
    label: t(`view.${v}`),
    count: v === "all" ? Object.values(counts.byStatus).reduce((a, b) => a + b, 0) : counts.views[v],
    current: !current && f.view === v,
  }));
  const tab = (active: boolean) =>
    cn(
      "inline-flex items-center gap-1.5 rounded-full border px-3 py-0.5 text-sm no-underline hover:no-underline",
      active
        ? "border-brand-700 bg-brand-50 font-semibold text-brand-800"
        : "border-slate-300 bg-white text-slate-800 hover:border-slate-500",
    );

  return (
    // Wider than the other pages where the screen allows (a queue needs its columns), centred on them.
    <div className="relative left-1/2 w-[min(calc(100vw-2rem),88rem)] -translate-x-1/2">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("queue")}</h1>
        <p className="flex flex-wrap items-center gap-x-4 text-sm text-slate-700">
          <span>{t("shortcutsHint")}</span>
          <Link href="/tickets/nouveau" className={buttonClass({ size: "sm" })}>
            {t("staffNew")}
          </Link>
        </p>
      </div>
      <QueueShortcuts newHref="/tickets/nouveau" />

      <nav aria-label={t("views")} className="mb-2">
        <ul className="flex flex-wrap items-center gap-1.5">
          {builtIn.map((v) => (
            <li key={v.key}>
              <Link href={v.href} aria-current={v.current ? "page" : undefined} className={tab(v.current)}>
                {v.label}
                <span className="text-xs text-slate-700">({v.count})</span>
              </Link>
            </li>
          ))}
          {views.map((v) => (
            <li key={v.id}>
              <Link
                href={viewHref({ id: v.id, filters: v.filters, columns: v.columns })}
                aria-current={current?.id === v.id ? "page" : undefined}
                className={tab(current?.id === v.id)}
              >
                {v.shared ? (
                  <Share2 aria-label={q("sharedView")} role="img" className="size-3.5 text-slate-700" />
                ) : null}
                {v.name}
                <span className="text-xs text-slate-700">({v.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mb-2 flex flex-wrap items-center gap-2">
        <form
          method="get"
          action="/tickets"
          role="search"
          aria-label={t("searchLabel")}
          className="flex gap-1"
        >
          <label htmlFor="q" className="sr-only">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={search ?? ""}
            maxLength={200}
            placeholder={t("search")}
            className="w-56 rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
          />
          <button type="submit" className={buttonClass({ variant: "secondary", size: "sm" })}>
            {t("searchButton")}
          </button>
        </form>
        {chips.length ? (
          <ul aria-label={q("filtersLabel")} className="flex flex-wrap items-center gap-1.5">
            {chips.map((c) => (
              <li
                key={c.key}
                className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 py-0.5 pl-3 pr-1 text-sm text-slate-900"
              >
                {c.text}
                <Link
                  href={c.href}
                  aria-label={q("removeFilter", { filter: c.text })}
                  className="rounded-full p-0.5 text-slate-700 hover:bg-slate-300 hover:text-slate-900"
                >
                  <X aria-hidden="true" className="size-3.5" />
                </Link>
              </li>
            ))}
            <li>
              <Link
                href={href({ ...queueFilters.parse({}), view: f.view, sort: f.sort })}
                className="text-sm"
              >
                {q("clearFilters")}
              </Link>
            </li>
          </ul>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          {current?.editable ? (
            <ManageView
              id={current.id}
              name={current.name}
              shared={current.shared}
              back={viewHref({ id: current.id, filters: current.filters, columns: current.columns })}
            />
          ) : null}
          <SaveViewDialog
            filters={filterParams(f)}
            cols={columns.join(",")}
            canShare={actor.role === "manager" || actor.role === "admin"}
          />
          <MoreFilters
            fields={CHIPS.map((k) => ({
              name: k,
              label: labels[k],
              value: String(f[k] ?? ""),
              options: k === "status" ? options[k] : [{ value: "", label: t("all") }, ...options[k]],
            }))}
            hidden={{ view: f.view, sort: f.sort }}
            columns={QUEUE_COLUMNS.map((c) => ({
              value: c,
              label: q(`column.${c}`),
              checked: columns.includes(c),
            }))}
            active={chips.length}
          />
        </span>
      </div>

      {searching ? (
        <p className="mb-2" role="status">
          {t("searchResults", { count: items.length, q: search })}
        </p>
      ) : null}
      <BulkForm
        action={bulkAction}
        staff={staff.map((s) => ({ value: s.id, label: s.name }))}
        empty={items.length === 0}
        aside={<LiveBanner key={changes.mark} filters={filter} mark={changes.mark} />}
      >
        {items.length === 0 ? (
          <p className="text-slate-700">{t("empty")}</p>
        ) : (
          <QueueTable
            items={items}
            columns={columns}
            sort={f.sort}
            sortHref={(sort) => href({ ...f, sort })}
            now={now()}
          />
        )}
      </BulkForm>
      {page?.nextCursor ? (
        <p className="mt-3">
          <Link href={viewHref({ id: current?.id, filters: f, columns, extra: { cursor: page.nextCursor } })}>
            {t("next")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { QUEUE_COLUMNS, type QueueColumn, type TicketListItem } from "@mutuo/core/tickets";
import { countdown } from "../../lib/countdown.ts";
import { SelectAll } from "./bulk-form.tsx";
import { QueueRows, type QueueRow } from "./queue-rows.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { DuePromise, SlaBadge, StatusLabel } from "./ticket-bits.tsx";

type QueueSort = "received" | "deadline" | "priority";

export async function TicketTable({
  items,
  selectable,
  partner,
}: {
  items: TicketListItem[];
  selectable?: boolean;
  partner?: boolean;
}) {
  const t = await getTranslations("tickets");
  const format = await getFormatter();
  const headers = [
    ...(selectable ? [t("select")] : []),
    t("number"),
    t("subject"),
    ...(partner ? [] : [t("body")]),
    t("statusLabel"),
    t("priority"),
    partner ? t("promiseHeader") : t("deadline"),
    ...(partner ? [] : [t("assignee")]),
    t("receivedAt"),
  ];
  return (
    <Table caption={t(partner ? "captionPartner" : "caption")} headers={headers}>
      {items.map((x) => (
        <tr key={x.id}>
          {selectable ? (
            <Cell>
              <input
                type="checkbox"
                name="ticketIds"
                value={x.id}
                aria-label={t("selectTicket", { number: x.number })}
              />
            </Cell>
          ) : null}
          <Cell header>
            <Link href={`/tickets/${x.id}`} data-ticket-link>
              {x.number}
            </Link>
          </Cell>
          <Cell>
            {x.subject}
            <br />
            <span className="text-xs">{x.service.name}</span>
          </Cell>
          {partner ? null : <Cell>{x.body.legalName}</Cell>}
          <Cell>
            <StatusLabel status={x.status} />
          </Cell>
          <Cell>{t(`priorities.${x.priority}`)}</Cell>
          <Cell>
            {partner ? (
              <DuePromise t={x} />
            ) : (
              <>
                <SlaBadge state={x.slaState} />
                {x.slaDueAt ? (
                  <>
                    <br />
                    <time dateTime={x.slaDueAt.toISOString()}>
                      {format.dateTime(x.slaDueAt, {
                        dateStyle: "short",
                        timeStyle: "short",
                        timeZone: "Europe/Paris",
                      })}
                    </time>
                  </>
                ) : null}
              </>
            )}
          </Cell>
          {partner ? null : <Cell>{x.assignee?.name ?? "—"}</Cell>}
          <Cell>
            <time dateTime={x.receivedAt.toISOString()}>
              {format.dateTime(x.receivedAt, {
                dateStyle: "short",
                timeStyle: "short",
                timeZone: "Europe/Paris",
              })}
            </time>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}

/** The deadline as a countdown with its words: « 2 h 15 restantes », « dépassé de 3 h »; its tone colours it. */
async function slaCountdown(item: TicketListItem, now: Date) {
  const t = await getTranslations("queue");
  const tt = await getTranslations("tickets");
  const running = item.slaDueAt && ["ok", "warning", "breached"].includes(item.slaState);
  let text = tt(`sla.${item.slaState}`);
  if (running) {
    const c = countdown(item.slaDueAt!, now);
    const time =
      c.unit === "day"
        ? c.hours
          ? t("countdown.days", { d: c.days, h: c.hours })
          : t("countdown.daysOnly", { d: c.days })
        : c.unit === "hour"
          ? c.minutes
            ? t("countdown.hours", { h: c.hours, m: String(c.minutes).padStart(2, "0") })
            : t("countdown.hoursOnly", { h: c.hours })
          : t("countdown.minutes", { m: c.minutes });
    text = c.overdue ? t("countdown.over", { time }) : t("countdown.left", { time, unit: c.unit, n: c.n });
  }
  return {
    text,
    tone: running && item.slaDueAt! < now ? "breached" : item.slaState,
    title: running ? `${tt(`sla.${item.slaState}`)} · ${parisDateTime(item.slaDueAt!)}` : undefined,
  };
}

const parisDateTime = (d: Date) =>
  new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(d);

const SORTABLE: Partial<Record<QueueColumn, QueueSort>> = {
  priority: "priority",
  sla: "deadline",
  received: "received",
};
/** The direction each sort reads in (critical first, nearest deadline first, newest first). */
const DIRECTION: Record<QueueSort, "ascending" | "descending"> = {
  priority: "ascending",
  deadline: "ascending",
  received: "descending",
};

const cell = "whitespace-nowrap px-2 py-1.5";

/**
 * The technician's queue: one dense line per ticket, optional columns, sortable headers (links,
 * so the sort is in the address), and a checkbox per row for the bulk actions around it.
 */
export async function QueueTable({
  items,
  columns,
  sort,
  sortHref,
  now,
}: {
  items: TicketListItem[];
  columns: QueueColumn[];
  sort: QueueSort;
  sortHref: (sort: QueueSort) => string;
  now: Date;
}) {
  const t = await getTranslations("tickets");
  const q = await getTranslations("queue");
  const format = await getFormatter();
  const show = new Set(columns);
  const received = (d: Date) =>
    now.getTime() - d.getTime() < 12 * 3600_000 && d <= now
      ? // Under a minute reads « il y a 1 minute », not a count of seconds.
        format.relativeTime(new Date(Math.min(d.getTime(), now.getTime() - 60_000)), now)
      : format.dateTime(d, {
          day: "2-digit",
          month: "2-digit",
          year: d.getFullYear() === now.getFullYear() ? undefined : "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          timeZone: "Europe/Paris",
        });
  const rows: QueueRow[] = await Promise.all(
    items.map(async (x) => ({
      id: x.id,
      number: x.number,
      selectLabel: t("selectTicket", { number: x.number }),
      subject: x.subject,
      body: show.has("body") ? x.body.legalName : undefined,
      service: show.has("service") ? x.service.name : undefined,
      status: show.has("status") ? t(`status.${x.status}`) : undefined,
      priority: show.has("priority") ? { key: x.priority, label: t(`priorities.${x.priority}`) } : undefined,
      sla: show.has("sla") ? await slaCountdown(x, now) : undefined,
      assignee: show.has("assignee") ? (x.assignee?.name ?? q("unassigned")) : undefined,
      received: show.has("received")
        ? {
            iso: x.receivedAt.toISOString(),
            title: parisDateTime(x.receivedAt),
            text: received(x.receivedAt),
          }
        : undefined,
      channel: show.has("channel") ? t(`channel.${x.channel}`) : undefined,
    })),
  );
  const header = (c: QueueColumn) => {
    const by = SORTABLE[c];
    const label = q(`column.${c}`);
    if (!by)
      return (
        <th key={c} scope="col" className={`${cell} font-semibold text-slate-800`}>
          {label}
        </th>
      );
    const current = sort === by;
    const Icon = current ? (DIRECTION[by] === "ascending" ? ArrowUp : ArrowDown) : ArrowUpDown;
    return (
      <th
        key={c}
        scope="col"
        aria-sort={current ? DIRECTION[by] : undefined}
        className={`${cell} font-semibold text-slate-800`}
      >
        <Link
          href={sortHref(by)}
          className="inline-flex items-center gap-1 text-slate-800 no-underline hover:text-brand-800 hover:underline"
          title={q("sortBy", { column: label })}
        >
          {label}
          <Icon aria-hidden="true" className={`size-3.5 ${current ? "" : "text-slate-500"}`} />
        </Link>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[64rem] table-fixed divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <colgroup>
          <col className="w-8" />
          <col className="w-36" />
          <col className="min-w-48" />
          {show.has("body") ? <col className="w-44" /> : null}
          {show.has("service") ? <col className="w-28" /> : null}
          {show.has("status") ? <col className="w-32" /> : null}
          {show.has("priority") ? <col className="w-24" /> : null}
          {show.has("sla") ? <col className="w-36" /> : null}
          {show.has("assignee") ? <col className="w-32" /> : null}
          {show.has("received") ? <col className="w-32" /> : null}
          {show.has("channel") ? <col className="w-24" /> : null}
        </colgroup>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={cell}>
              <SelectAll label={q("selectAll")} />
            </th>
            <th scope="col" className={`${cell} font-semibold text-slate-800`}>
              {t("number")}
            </th>
            <th scope="col" className={`${cell} font-semibold text-slate-800`}>
              {t("subject")}
            </th>
            {QUEUE_COLUMNS.filter((c) => show.has(c)).map(header)}
          </tr>
        </thead>
        <QueueRows rows={rows} />
      </table>
    </div>
  );
}

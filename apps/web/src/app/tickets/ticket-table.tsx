import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TicketListItem } from "@mutuo/core/tickets";
import { Cell, Table } from "../../components/table.tsx";
import { DuePromise, SlaBadge, StatusLabel } from "./ticket-bits.tsx";

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
    <Table caption={t("caption")} headers={headers}>
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

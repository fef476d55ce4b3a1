// A table of sessions (the list's tabs, a course's page): number, course, dates, place, seats, status.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionItem } from "@mutuo/core/training";
import { Cell, Table } from "../../components/table.tsx";

export async function SessionsTable({ caption, items }: { caption: string; items: SessionItem[] }) {
  const t = await getTranslations("training");
  const format = await getFormatter();
  const day = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  return (
    <Table
      caption={caption}
      headers={[t("session"), t("course"), t("dates"), t("place"), t("seats"), t("statusLabel")]}
    >
      {items.map((s) => (
        <tr key={s.id}>
          <Cell header>
            <Link href={`/formations/${s.id}`}>{s.number}</Link>
          </Cell>
          <Cell>
            {s.course.title}
            <span className="block text-xs text-slate-600">
              {s.course.service}
              {s.dedicated ? ` · ${t("dedicated")}${s.dedicatedTo ? ` : ${s.dedicatedTo}` : ""}` : ""}
            </span>
          </Cell>
          <Cell>
            {day(s.startsAt)} → {day(s.endsAt)}
            <span className="block text-xs text-slate-600">{t("days", { n: s.days })}</span>
          </Cell>
          <Cell>{s.place || "—"}</Cell>
          <Cell>{s.capacity}</Cell>
          <Cell>
            {t(`status.${s.status}`)}
            {s.mine ? (
              <span className="block text-xs font-medium text-brand-800">{t(`mine.${s.mine}`)}</span>
            ) : null}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}

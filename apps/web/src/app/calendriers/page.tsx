import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireStaffOrNotFound } from "../../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("calendars");
  return { title: t("title") };
}

export default async function CalendarsPage() {
  const actor = await requireStaffOrNotFound();
  const t = await getTranslations("calendars");
  const calendars = await (await api()).calendars.list();
  const hours = (w: Record<string, { from: string; to: string }[]>) =>
    Object.entries(w)
      .filter(([, s]) => s.length)
      .map(([d, s]) => `${t(`dayShort.${d}`)} ${s.map((x) => `${x.from}–${x.to}`).join(", ")}`)
      .join(" · ");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {actor.role === "manager" || actor.role === "admin" ? (
        <p className="mb-4">
          <Link href="/calendriers/nouveau">{t("new")}</Link>
        </p>
      ) : null}
      <Table
        caption={t("caption")}
        headers={[t("name"), t("weekly"), t("holidayZone"), t("closures"), t("usedBy")]}
      >
        {calendars.map((c) => (
          <tr key={c.id}>
            <Cell header>
              <Link href={`/calendriers/${c.id}`}>{c.name}</Link>
            </Cell>
            <Cell>{hours(c.weekly)}</Cell>
            <Cell>{t(`zone.${c.holidayZone}`)}</Cell>
            <Cell>{c.closures}</Cell>
            <Cell>{c.usedBy}</Cell>
          </tr>
        ))}
      </Table>
    </>
  );
}

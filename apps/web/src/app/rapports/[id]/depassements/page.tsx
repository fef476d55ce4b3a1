import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { Cell, Table } from "../../../../components/table.tsx";
import { api } from "../../../../server/api.ts";
import { now } from "../../../../server/clock.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { errorKey, filtersFrom, periodFrom, queryOf, type Search } from "../../params.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("breaches") };
}

export default async function BreachesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  await requireActorOrRedirect();
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const { id } = await params;
  if (id !== "sla") notFound();
  const search = await searchParams;
  const period = periodFrom(search, now());
  const filters = filtersFrom(search);
  const cursor = typeof search.cursor === "string" ? search.cursor.slice(0, 500) : undefined;
  const caller = await api();
  const result = await caller.reports.breaches({ reportId: id, period, filters, cursor }).then(
    (page) => ({ page, error: null }),
    (e: unknown) => ({ page: null, error: errorKey(e) }),
  );
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" }) : "—";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/rapports/${id}?${queryOf(period, filters)}`}>{t("backToReport")}</Link>
      </p>
      <PageTitle lead={t("breachesLead")}>{t("breaches")}</PageTitle>
      {result.error ? (
        <p role="alert" className="mb-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {t(`errors.${result.error}`)}
        </p>
      ) : null}
      {result.page ? (
        result.page.items.length === 0 ? (
          <p>{t("noBreaches")}</p>
        ) : (
          <>
            <Table
              caption={t("breaches")}
              headers={[
                t("col.ticket"),
                t("col.body"),
                t("col.service"),
                t("col.priority"),
                t("col.received"),
                t("col.targets"),
                t("col.interventionDue"),
                t("col.resolutionDue"),
                t("col.reason"),
                t("col.technician"),
              ]}
            >
              {result.page.items.map((b) => (
                <tr key={b.id}>
                  <Cell header>
                    <Link href={`/tickets/${b.id}`} className="underline">
                      {b.number}
                    </Link>{" "}
                    {b.subject}
                  </Cell>
                  <Cell>{b.body}</Cell>
                  <Cell>{b.service}</Cell>
                  <Cell>{b.priority}</Cell>
                  <Cell>{when(b.receivedAt)}</Cell>
                  <Cell>{b.targets}</Cell>
                  <Cell>
                    {when(b.interventionDueAt)} → {when(b.interventionAchievedAt)}
                  </Cell>
                  <Cell>
                    {when(b.resolutionDueAt)} → {when(b.resolvedAt)}
                  </Cell>
                  <Cell>{b.reason ?? "—"}</Cell>
                  <Cell>{b.technician ?? t("unassigned")}</Cell>
                </tr>
              ))}
            </Table>
            {result.page.nextCursor ? (
              <p className="mt-4">
                <Link
                  href={`/rapports/${id}/depassements?${queryOf(period, filters, { cursor: result.page.nextCursor })}`}
                >
                  {t("more")}
                </Link>
              </p>
            ) : null}
          </>
        )
      ) : null}
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { now } from "../../../server/clock.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { ReportFilters } from "../filters.tsx";
import { errorKey, filtersFrom, periodFrom, queryOf, type Search } from "../params.ts";
import { ReportView } from "../report-view.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("reports");
  const { id } = await params;
  return { title: t.has(`names.${id}`) ? t(`names.${id}`) : t("title") };
}

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  await requireActorOrRedirect();
  const t = await getTranslations("reports");
  const { id } = await params;
  const caller = await api();
  const report = (await caller.reports.list()).find((r) => r.id === id);
  if (!report) notFound();
  const search = await searchParams;
  const period = periodFrom(search, now());
  const filters = filtersFrom(search);
  const [choices, result] = await Promise.all([
    caller.reports.choices(),
    caller.reports.read({ reportId: id, period, filters }).then(
      (data) => ({ data, error: null }),
      (e: unknown) => ({ data: null, error: errorKey(e) }),
    ),
  ]);
  const query = queryOf(period, filters);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/rapports">{t("back")}</Link>
      </p>
      <PageTitle
        lead={
          result.data
            ? `${result.data.periodLabel} · ${t("comparedWith", { period: result.data.previousLabel })}`
            : undefined
        }
      >
        {report.title}
      </PageTitle>
      <ReportFilters period={period} filters={filters} fields={report.filterFields} choices={choices} />
      {result.error ? (
        <p role="alert" className="mb-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {t(`errors.${result.error}`)}
        </p>
      ) : null}
      {result.data ? (
        <>
          <nav aria-label={t("exports")} className="mb-6 flex flex-wrap gap-4">
            {id === "sla" ? (
              <Link href={`/rapports/${id}/depassements?${query}`}>{t("breaches")}</Link>
            ) : null}
            <a href={`/api/rapports/${id}/export?${queryOf(period, filters, { format: "csv" })}`}>
              {t("export.csv")}
            </a>
            <a href={`/api/rapports/${id}/export?${queryOf(period, filters, { format: "xlsx" })}`}>
              {t("export.xlsx")}
            </a>
            <a href={`/api/rapports/${id}/export?${queryOf(period, filters, { format: "pdf" })}`}>
              {t("export.pdf")}
            </a>
          </nav>
          <ReportView data={result.data} />
        </>
      ) : null}
    </>
  );
}

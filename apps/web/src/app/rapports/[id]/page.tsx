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
import { requestExportAction } from "../exports/actions.ts";
import { BackgroundExportForm } from "../exports/request-form.tsx";

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
  const tx = await getTranslations("reportExports");
  const { id } = await params;
  const caller = await api();
  const report = (await caller.reports.list()).find((r) => r.id === id);
  if (!report) notFound();
  const search = await searchParams;
  const period = periodFrom(search, now());
  const filters = filtersFrom(search);
  const [choices, result, plan] = await Promise.all([
    caller.reports.choices(),
    caller.reports.read({ reportId: id, period, filters }).then(
      (data) => ({ data, error: null }),
      (e: unknown) => ({ data: null, error: errorKey(e) }),
    ),
    // Same checks as the read: when it fails, the read's error is what the page shows.
    caller.reports.exportPlan({ reportId: id, period, filters }).catch(() => null),
  ]);
  const direct = plan?.mode !== "background";
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
            {direct
              ? (["csv", "xlsx", "pdf"] as const).map((f) => (
                  <a key={f} href={`/api/rapports/${id}/export?${queryOf(period, filters, { format: f })}`}>
                    {t(`export.${f}`)}
                  </a>
                ))
              : null}
            <Link href="/rapports/exports">{tx("mine")}</Link>
          </nav>
          <section
            aria-labelledby="background-export"
            className="mb-8 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="background-export" className="mb-1 text-lg font-semibold">
              {tx("backgroundTitle")}
            </h2>
            {plan && !direct ? (
              <p className="mb-2 font-medium">
                {tx("large", { tickets: plan.tickets.toLocaleString("fr-FR") })}
              </p>
            ) : null}
            <p className="mb-3 max-w-3xl text-sm text-slate-700">{tx("backgroundLead")}</p>
            <BackgroundExportForm
              action={requestExportAction}
              reportId={id}
              query={query}
              labels={{
                format: tx("formatLabel"),
                submit: tx("submit"),
                formats: { csv: tx("formats.csv"), xlsx: tx("formats.xlsx"), pdf: tx("formats.pdf") },
              }}
            />
          </section>
          <ReportView data={result.data} />
        </>
      ) : null}
    </>
  );
}

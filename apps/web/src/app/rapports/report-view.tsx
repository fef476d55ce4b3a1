// Any report, drawn from its data: headline figures against the previous period and the target,
// charts (server SVG, data behind « voir les données »), tables, and « Comment c'est calculé ».
import { getTranslations } from "next-intl/server";
import { chartSvg, type ReportData } from "@mutuo/core/reports";
import { Cell, Table } from "../../components/table.tsx";

const show = (v: string | number | null | undefined) =>
  v === null || v === undefined ? "—" : typeof v === "number" ? v.toLocaleString("fr-FR") : v;

export async function ReportView({ data }: { data: ReportData }) {
  const t = await getTranslations("reports");
  return (
    <>
      <section aria-labelledby="kpis" className="mb-8">
        <h2 id="kpis" className="sr-only">
          {t("kpis")}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {data.kpis.map((k) => (
            <div key={k.id} className="rounded-lg border border-slate-200 bg-white p-4" data-kpi={k.id}>
              <dt className="text-sm font-medium text-slate-700">{k.label}</dt>
              <dd className="mt-1 text-xl font-semibold text-slate-900">
                {k.display}
                {k.belowTarget ? (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-sm font-medium text-red-900">
                    {t("belowTarget")}
                  </span>
                ) : null}
              </dd>
              {k.target ? (
                <dd className="text-sm text-slate-700">{t("target", { value: k.target })}</dd>
              ) : null}
              {k.previous ? (
                <dd className="text-sm text-slate-700">
                  {t("previous", { period: data.previousLabel, value: k.previous })}
                </dd>
              ) : null}
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="charts" className="mb-8">
        <h2 id="charts" className="mb-3 text-xl font-semibold">
          {t("charts")}
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          {data.charts.map((c) => (
            <figure key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <figcaption className="mb-2 font-semibold">{c.title}</figcaption>
              <div
                className="[&_svg]:h-auto [&_svg]:max-w-full"
                dangerouslySetInnerHTML={{ __html: chartSvg(c) }}
              />
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium">{t("showData")}</summary>
                <Table
                  caption={c.title}
                  headers={[c.xLabel, ...(c.data.some((d) => d.series) ? [t("series")] : []), c.yLabel]}
                >
                  {c.data.map((d, i) => (
                    <tr key={i}>
                      <Cell header>{d.x}</Cell>
                      {c.data.some((x) => x.series) ? <Cell>{d.series}</Cell> : null}
                      <Cell>{show(d.y)}</Cell>
                    </tr>
                  ))}
                </Table>
              </details>
            </figure>
          ))}
        </div>
      </section>

      {data.tables.map((tab) => (
        <div key={tab.id} className="mb-8">
          <h2 className="mb-3 text-xl font-semibold">{tab.title}</h2>
          <Table caption={tab.title} headers={tab.columns.map((c) => c.title)}>
            {[...tab.rows, ...(tab.totals ? [tab.totals] : [])].map((r, i) => (
              <tr key={i} className={tab.totals && i === tab.rows.length ? "font-semibold" : undefined}>
                {tab.columns.map((c, j) =>
                  j === 0 ? (
                    <Cell key={c.key} header>
                      {show(r[c.key])}
                    </Cell>
                  ) : (
                    <Cell key={c.key}>{show(r[c.key])}</Cell>
                  ),
                )}
              </tr>
            ))}
          </Table>
        </div>
      ))}

      <details id="comment-c-est-calcule" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">{t("how")}</summary>
        <div className="mt-3 flex max-w-3xl flex-col gap-2 text-slate-800">
          {data.definitions.map((d) => (
            <p key={d}>{d}</p>
          ))}
        </div>
      </details>
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { parisYear } from "./dates.ts";
import { euros } from "./money.ts";
import { StatementsTable } from "./statements-table.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("billing");
  return { title: t("title") };
}

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("billing");
  const caller = await api();
  const current = parisYear();
  const year = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(current)
    .parse((await searchParams).annee ?? current);
  if (actor.role !== "manager" && actor.role !== "admin") {
    const statements = await caller.billing.statements({});
    return (
      <>
        <PageTitle lead={t("leadAgent")}>{t("title")}</PageTitle>
        <StatementsTable statements={statements} caption={t("issuedStatements")} />
      </>
    );
  }
  const view = await caller.billing.year({ year });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("titleYear", { year })}</PageTitle>
      <nav aria-label={t("sections")} className="mb-4 flex flex-wrap gap-4">
        <Link href={`/facturation?annee=${year - 1}`}>{t("yearLink", { year: year - 1 })}</Link>
        <Link href={`/facturation?annee=${year + 1}`}>{t("yearLink", { year: year + 1 })}</Link>
        <Link href="/facturation/grilles">{t("grids")}</Link>
        <Link href="/facturation/plans">{t("plans")}</Link>
        <Link href="/facturation/imputations">{t("budgetCodes")}</Link>
        <a href={`/facturation/export?annee=${year}&format=csv`}>{t("exportCsv")}</a>
        <a href={`/facturation/export?annee=${year}&format=xlsx`}>{t("exportXlsx")}</a>
        <a href={`/facturation/export?annee=${year}&format=finance`}>{t("exportFinance")}</a>
      </nav>
      <dl className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(["dueCents", "providerCents", "paidCents", "outstandingCents"] as const).map((k) => (
          <div key={k} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-700">{t(`totals.${k}`)}</dt>
            <dd className="text-lg font-semibold">{euros(view.totals[k])}</dd>
          </div>
        ))}
      </dl>
      <Table
        caption={t("bodiesCaption", { year })}
        headers={[
          t("body"),
          t("state"),
          t("totals.dueCents"),
          t("totals.providerCents"),
          t("totals.paidCents"),
          t("totals.outstandingCents"),
        ]}
      >
        {view.rows.map((r) => (
          <tr key={r.bodyId}>
            <Cell header>
              <Link href={`/facturation/organismes/${r.bodyId}?annee=${year}`}>{r.legalName}</Link>
            </Cell>
            <Cell>
              {r.source === "draft"
                ? t("draft")
                : r.statements.map((s) => (
                    <Link key={s.id} href={`/facturation/releves/${s.id}`} className="mr-2">
                      {s.number} ({t(`states.${s.state}`)})
                    </Link>
                  ))}
            </Cell>
            <Cell>{euros(r.dueCents)}</Cell>
            <Cell>{euros(r.providerCents)}</Cell>
            <Cell>{euros(r.paidCents)}</Cell>
            <Cell>{euros(r.outstandingCents)}</Cell>
          </tr>
        ))}
      </Table>
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("plansOfYear")}</h2>
      {view.plans.length === 0 ? <p>{t("noPlan")}</p> : null}
      <ul className="flex flex-col gap-2">
        {view.plans.map((p) => (
          <li key={p.id}>
            <Link href={`/facturation/plans/${p.id}`}>{p.name}</Link> —{" "}
            {t("planSummary", {
              cost: euros(p.globalCostCents),
              provider: euros(p.totals?.providerCents ?? 0),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

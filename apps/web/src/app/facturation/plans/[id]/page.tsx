import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { Cell, Table } from "../../../../components/table.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { frDate } from "../../dates.ts";
import { euros } from "../../money.ts";

export const dynamic = "force-dynamic";

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("billing");
  const p = await (await api()).billing.plan({ id }).catch(() => notFound());
  const rate = (g: string) => `${String(p.providerRates[g] ?? 0).replace(".", ",")} %`;
  return (
    <>
      <PageTitle
        lead={t("planLead", { from: frDate(p.periodFrom), to: frDate(p.periodTo), year: p.populationYear })}
      >
        {p.name}
      </PageTitle>
      <dl className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">{t("globalCost")}</dt>
          <dd className="text-lg font-semibold">{euros(p.globalCostCents)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">{t("providerTotal")}</dt>
          <dd className="text-lg font-semibold" data-testid="provider-total">
            {euros(p.totals?.providerCents ?? 0)}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">{t("partnerTotal")}</dt>
          <dd className="text-lg font-semibold">{euros(p.totals?.partnerCents ?? 0)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-700">{t("ratesLabel")}</dt>
          <dd>{t("ratesValue", { commune: rate("commune"), ccas: rate("ccas") })}</dd>
        </div>
      </dl>
      {Object.keys(p.groups).length ? (
        <p className="mb-4">
          {Object.entries(p.groups)
            .map(([g, v]) => t("groupPool", { group: t(`groups.${g}`), amount: euros(v.poolCents) }))
            .join(" ; ")}
        </p>
      ) : null}
      <Table
        caption={t("sharesCaption")}
        headers={[t("body"), t("group"), t("population"), t("share"), t("rate"), t("provider"), t("amount")]}
      >
        {p.members.map((m) => (
          <tr key={m.bodyId}>
            <Cell header>
              <Link href={`/facturation/organismes/${m.bodyId}`}>{m.legalName}</Link>
            </Cell>
            <Cell>{t(`groups.${m.group}`)}</Cell>
            <Cell>{m.population}</Cell>
            <Cell>{euros(m.shareCents)}</Cell>
            <Cell>{String(m.rate).replace(".", ",")} %</Cell>
            <Cell>{euros(m.providerCents)}</Cell>
            <Cell>{euros(m.partnerCents)}</Cell>
          </tr>
        ))}
        <tr>
          <Cell header>{t("total")}</Cell>
          <Cell>{""}</Cell>
          <Cell>{""}</Cell>
          <Cell>
            <span data-testid="shares-total">{euros(p.totals?.shareCents ?? 0)}</span>
          </Cell>
          <Cell>{""}</Cell>
          <Cell>{euros(p.totals?.providerCents ?? 0)}</Cell>
          <Cell>{euros(p.totals?.partnerCents ?? 0)}</Cell>
        </tr>
      </Table>
    </>
  );
}

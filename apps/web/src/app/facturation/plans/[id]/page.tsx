import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { Cell, Table } from "../../../../components/table.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import type { Caller } from "../../../../server/form-action.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { frDate } from "../../dates.ts";
import { updatePlanAction } from "../../actions.ts";
import { euros } from "../../money.ts";
import { eurosInput } from "../../grilles/defaults.ts";
import { PlanForm } from "../plan-form.tsx";

export const dynamic = "force-dynamic";

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("billing");
  const caller = await api();
  const p = await caller.billing.plan({ id }).catch(() => notFound());
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
      <section aria-labelledby="edit-plan" className="mt-8">
        <h2 id="edit-plan" className="mb-2 text-lg font-semibold">
          {t("editPlan")}
        </h2>
        {p.frozenBy ? (
          <p className="max-w-3xl" data-testid="plan-frozen">
            {t("planFrozen", { number: p.frozenBy })}
          </p>
        ) : (
          <EditPlan plan={p} />
        )}
      </section>
    </>
  );
}

/** The plan's form, prefilled; saved as long as no issued statement bills the plan. */
async function EditPlan({ plan: p }: { plan: Awaited<ReturnType<Caller["billing"]["plan"]>> }) {
  const t = await getTranslations("billing");
  const caller = await api();
  const [bodies, { services }] = await Promise.all([caller.billing.bodies(), caller.billing.grids()]);
  const rate = (g: string) =>
    p.providerRates[g] === undefined ? "" : String(p.providerRates[g]).replace(".", ",");
  return (
    <PlanForm
      bodies={bodies.map((b) => ({ value: b.id, label: b.legalName }))}
      services={services.map((s) => ({ value: s.id, label: s.name }))}
      defaults={{
        values: {
          name: p.name,
          deliberationRef: p.deliberationRef,
          serviceId: p.serviceId ?? "",
          globalCostCents: eurosInput(p.globalCostCents),
          periodFrom: p.periodFrom,
          periodTo: p.periodTo,
          populationYear: String(p.populationYear),
          commune: rate("commune"),
          ccas: rate("ccas"),
          association: rate("association"),
        },
        memberIds: p.members.map((m) => m.bodyId),
        equalGroups: Boolean(p.groupWeights),
      }}
      action={updatePlanAction.bind(null, p.id)}
      submitLabel={t("updatePlan")}
    />
  );
}

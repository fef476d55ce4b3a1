import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { frDate } from "../dates.ts";
import { euros } from "../money.ts";
import { PlanForm } from "./plan-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("billing");
  return { title: t("plans") };
}

export default async function PlansPage() {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const t = await getTranslations("billing");
  const caller = await api();
  const [plans, bodies, { services }] = await Promise.all([
    caller.billing.plans(),
    caller.billing.bodies(),
    caller.billing.grids(),
  ]);
  return (
    <>
      <PageTitle lead={t("plansLead")}>{t("plans")}</PageTitle>
      <Table
        caption={t("plans")}
        headers={[t("plan"), t("period"), t("globalCost"), t("providerTotal"), t("partnerTotal")]}
      >
        {plans.map((p) => (
          <tr key={p.id}>
            <Cell header>
              <Link href={`/facturation/plans/${p.id}`}>{p.name}</Link>
            </Cell>
            <Cell>
              {frDate(p.periodFrom)} – {frDate(p.periodTo)}
            </Cell>
            <Cell>{euros(p.globalCostCents)}</Cell>
            <Cell>{euros(p.totals?.providerCents ?? 0)}</Cell>
            <Cell>{euros(p.totals?.partnerCents ?? 0)}</Cell>
          </tr>
        ))}
      </Table>
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("newPlan")}</h2>
      <PlanForm
        bodies={bodies.map((b) => ({ value: b.id, label: b.legalName }))}
        services={services.map((s) => ({ value: s.id, label: s.name }))}
      />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonForm } from "../../../components/button-form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { removeBudgetCodeAction } from "../actions.ts";
import { parisYear } from "../dates.ts";
import { BudgetCodeForm } from "./budget-code-form.tsx";

export const dynamic = "force-dynamic";

const LINE_KINDS = [
  "subscription",
  "initialisation",
  "training",
  "migration",
  "time",
  "cost_sharing",
] as const;
const BODY_KINDS = ["commune", "ccas", "cias", "association", "other"] as const;

export async function generateMetadata() {
  const t = await getTranslations("billing");
  return { title: t("budgetCodes") };
}

/**
 * Budget coding of statement lines: the rules in force, a change as a new row from a later year
 * (`?modifier=<id>` prefills the form from a rule), and removal.
 */
export default async function BudgetCodesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const t = await getTranslations("billing");
  const kinds = await getTranslations("kinds");
  const caller = await api();
  const [codes, { services }] = await Promise.all([caller.billing.budgetCodes(), caller.billing.grids()]);
  const { modifier } = await searchParams;
  const changing = codes.find((c) => c.id === modifier) ?? null;
  const coding = (c: { chapter: string; article: string; function: string }) =>
    `${c.chapter} / ${c.article} / ${c.function}`;
  const describe = (c: (typeof codes)[number]) =>
    `${t(`lineKinds.${c.lineKind as "time"}`)}, ${kinds(c.bodyKind)}, ${c.serviceName ?? t("allServices")}`;
  return (
    <>
      <PageTitle lead={t("budgetCodesLead")}>{t("budgetCodes")}</PageTitle>
      <p className="mb-4">
        <Link href="/facturation" className="underline">
          {t("backToBilling")}
        </Link>
      </p>
      {codes.length === 0 ? (
        <p>{t("noBudgetCode")}</p>
      ) : (
        <Table
          caption={t("budgetCodes")}
          headers={[
            t("fields.lineKind"),
            t("fields.bodyKind"),
            t("service"),
            t("fields.fromYear"),
            t("coding"),
            t("actions"),
          ]}
        >
          {codes.map((c) => (
            <tr key={c.id}>
              <Cell header>{t(`lineKinds.${c.lineKind as "time"}`)}</Cell>
              <Cell>{kinds(c.bodyKind)}</Cell>
              <Cell>{c.serviceName ?? t("allServices")}</Cell>
              <Cell>{c.fromYear}</Cell>
              <Cell>{coding(c)}</Cell>
              <Cell>
                <div className="flex flex-wrap items-center gap-3">
                  <Link
                    href={`/facturation/imputations?modifier=${c.id}#nouvelle`}
                    className="underline"
                    aria-label={t("changeBudgetCodeOf", { what: describe(c), year: c.fromYear })}
                  >
                    {t("changeBudgetCode")}
                  </Link>
                  <ButtonForm
                    action={removeBudgetCodeAction.bind(null, c.id)}
                    label={t("removeBudgetCode", { coding: coding(c), what: describe(c), year: c.fromYear })}
                  />
                </div>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <section aria-labelledby="nouvelle" className="mt-8">
        <h2 id="nouvelle" className="mb-2 text-lg font-semibold">
          {changing ? t("changeBudgetCodeTitle") : t("newBudgetCode")}
        </h2>
        {changing ? (
          <p className="mb-4 max-w-3xl text-slate-700">
            {t("changingFrom", {
              what: describe(changing),
              coding: coding(changing),
              year: changing.fromYear,
            })}
          </p>
        ) : null}
        <BudgetCodeForm
          services={services.map((s) => ({ value: s.id, label: s.name }))}
          lineKinds={LINE_KINDS.map((k) => ({ value: k, label: t(`lineKinds.${k}`) }))}
          bodyKinds={BODY_KINDS.map((k) => ({ value: k, label: kinds(k) }))}
          defaults={
            changing
              ? {
                  serviceId: changing.serviceId ?? "",
                  lineKind: changing.lineKind,
                  bodyKind: changing.bodyKind,
                  fromYear: String(Math.max(changing.fromYear + 1, parisYear())),
                  chapter: changing.chapter,
                  article: changing.article,
                  function: changing.function,
                }
              : { fromYear: String(parisYear()) }
          }
        />
      </section>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm, Field, SelectField, Submit } from "../../../../components/form.tsx";
import { ButtonForm } from "../../../../components/button-form.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { invoicingAction, issueAction, waiverAction } from "../../actions.ts";
import { parisYear } from "../../dates.ts";
import { LinesTable } from "../../lines-table.tsx";
import { euros } from "../../money.ts";
import { StatementsTable } from "../../statements-table.tsx";

export const dynamic = "force-dynamic";

export default async function BodyStatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("billing");
  const current = parisYear();
  const year = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(current)
    .parse((await searchParams).annee ?? current);
  const caller = await api();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [draft, statements] = await Promise.all([
    caller.billing.draft({ bodyId: id, from, to }).catch(() => notFound()),
    caller.billing.statements({ bodyId: id }),
  ]);
  const b = draft.body;
  return (
    <>
      <PageTitle lead={t("draftLead")}>{t("draftTitle", { body: b.legalName, year })}</PageTitle>
      <p className="mb-4 flex gap-4">
        <Link href={`/facturation?annee=${year}`}>{t("backToYear", { year })}</Link>
        <Link href={`/facturation/organismes/${id}?annee=${year - 1}`}>
          {t("yearLink", { year: year - 1 })}
        </Link>
        <Link href={`/facturation/organismes/${id}?annee=${year + 1}`}>
          {t("yearLink", { year: year + 1 })}
        </Link>
      </p>
      <dl className="mb-4 grid max-w-2xl grid-cols-2 gap-2">
        <dt className="text-slate-700">{t("siret")}</dt>
        <dd>{b.siret ?? "—"}</dd>
        <dt className="text-slate-700">{t("population")}</dt>
        <dd>
          {b.population ?? "—"} {b.populationYear ? `(${b.populationYear})` : ""}
          {b.communeName && b.kind !== "commune" ? ` — ${t("viaCommune", { commune: b.communeName })}` : ""}
        </dd>
      </dl>
      <LinesTable lines={draft.lines} caption={t("draftCaption", { year })} />
      <p className="my-4 text-lg">
        {t("totalDue")} <strong>{euros(draft.totals.amountCents)}</strong>
        {draft.totals.providerCents
          ? ` — ${t("providerPart", { amount: euros(draft.totals.providerCents) })}`
          : ""}
      </p>
      <section aria-labelledby="issue" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="issue" className="mb-2 font-semibold">
          {t("issueTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("issueHint")}</p>
        <ButtonForm action={issueAction.bind(null, id, from, to)} label={t("issue")} />
      </section>
      {draft.conventions?.length ? (
        <section aria-labelledby="waivers" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="waivers" className="mb-2 font-semibold">
            {t("waiverTitle")}
          </h2>
          <ul className="flex flex-col gap-3">
            {draft.conventions.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-4">
                <Link href={`/conventions/${c.id}`}>{c.number}</Link>
                <span>{c.initialisationWaived ? t("waived") : t("notWaived")}</span>
                <ButtonForm
                  action={waiverAction.bind(
                    null,
                    c.id,
                    !c.initialisationWaived,
                    `/facturation/organismes/${id}?annee=${year}`,
                  )}
                  label={
                    c.initialisationWaived
                      ? t("unwaive", { number: c.number })
                      : t("waive", { number: c.number })
                  }
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="invoicing" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="invoicing" className="mb-2 font-semibold">
          {t("invoicingTitle")}
        </h2>
        <ActionForm action={invoicingAction.bind(null, id)} success={t("invoicingSaved")}>
          <SelectField
            name="invoicingRequirement"
            label={t("fields.invoicingRequirement")}
            defaultValue={b.invoicingRequirement}
            options={(["none", "service_code", "commitment", "both"] as const).map((v) => ({
              value: v,
              label: t(`requirements.${v}`),
            }))}
          />
          <Field
            name="invoicingServiceCode"
            label={t("fields.invoicingServiceCode")}
            defaultValue={b.invoicingServiceCode ?? ""}
          />
          <Field
            name="commitmentNumber"
            label={t("fields.commitmentNumber")}
            defaultValue={b.commitmentNumber ?? ""}
          />
          <Submit>{t("save")}</Submit>
        </ActionForm>
      </section>
      <h2 className="mb-2 text-lg font-semibold">{t("issuedStatements")}</h2>
      <StatementsTable statements={statements} caption={t("issuedStatements")} />
    </>
  );
}

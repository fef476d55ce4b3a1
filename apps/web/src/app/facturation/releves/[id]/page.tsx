import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field, Submit } from "../../../../components/form.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { Cell, Table } from "../../../../components/table.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { creditNoteAction, paymentAction } from "../../actions.ts";
import { frDate } from "../../dates.ts";
import { LinesTable } from "../../lines-table.tsx";
import { euros } from "../../money.ts";

export const dynamic = "force-dynamic";

export default async function StatementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("billing");
  const s = await (await api()).billing.statement({ id }).catch(() => notFound());
  const manager = actor.role === "manager" || actor.role === "admin";
  const snap = s.snapshot;
  return (
    <>
      <PageTitle lead={t("statementLead", { from: frDate(snap.period.from), to: frDate(snap.period.to) })}>
        {t("statementTitle", { number: s.number, body: snap.body.legalName })}
      </PageTitle>
      <p className="mb-4 flex flex-wrap gap-4">
        <a href={`/facturation/releves/${s.id}/pdf`}>{t("downloadPdf", { number: s.number })}</a>
        <a href={`/facturation/export?releve=${s.id}&format=csv`}>{t("exportCsv")}</a>
        <a href={`/facturation/export?releve=${s.id}&format=xlsx`}>{t("exportXlsx")}</a>
        {manager ? <Link href={`/facturation/organismes/${s.bodyId}`}>{t("bodyDraft")}</Link> : null}
      </p>
      <dl className="mb-4 grid max-w-2xl grid-cols-2 gap-2">
        <dt className="text-slate-700">{t("state")}</dt>
        <dd data-testid="statement-state">{t(`states.${s.state}`)}</dd>
        <dt className="text-slate-700">{t("siret")}</dt>
        <dd>{snap.body.siret ?? "—"}</dd>
        <dt className="text-slate-700">{t("totals.dueCents")}</dt>
        <dd>{euros(s.totalCents)}</dd>
        <dt className="text-slate-700">{t("credited")}</dt>
        <dd>{euros(s.creditedCents)}</dd>
        <dt className="text-slate-700">{t("totals.paidCents")}</dt>
        <dd>{euros(s.paidCents)}</dd>
        <dt className="text-slate-700">{t("totals.outstandingCents")}</dt>
        <dd data-testid="outstanding">{euros(s.outstandingCents)}</dd>
      </dl>
      <LinesTable lines={snap.lines} caption={t("linesCaption", { number: s.number })} />
      {s.creditNotes.length ? (
        <div className="mt-6">
          <Table caption={t("creditNotes")} headers={[t("number"), t("line"), t("amount"), t("reason")]}>
            {s.creditNotes.map((c) => (
              <tr key={c.id}>
                <Cell header>{c.number}</Cell>
                <Cell>{c.lineIndex === null ? "—" : c.lineIndex + 1}</Cell>
                <Cell>− {euros(c.amountCents)}</Cell>
                <Cell>{c.reason}</Cell>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {s.payments.length ? (
        <div className="mt-6">
          <Table caption={t("payments")} headers={[t("paidOn"), t("amount"), t("reference")]}>
            {s.payments.map((p) => (
              <tr key={p.id}>
                <Cell header>{frDate(p.paidOn)}</Cell>
                <Cell>{euros(p.amountCents)}</Cell>
                <Cell>{p.reference || "—"}</Cell>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {manager ? (
        <div className="mt-8 grid gap-8 md:grid-cols-2">
          <section aria-labelledby="credit">
            <h2 id="credit" className="mb-2 font-semibold">
              {t("creditNoteTitle")}
            </h2>
            <ActionForm action={creditNoteAction.bind(null, s.id)}>
              <Field
                name="lineIndex"
                label={t("fields.lineIndex")}
                inputMode="numeric"
                hint={t("lineIndexHint")}
              />
              <Field name="amountCents" label={t("fields.amountCents")} required />
              <Field name="reason" label={t("fields.reason")} required />
              <Submit>{t("issueCreditNote")}</Submit>
            </ActionForm>
          </section>
          <section aria-labelledby="payment">
            <h2 id="payment" className="mb-2 font-semibold">
              {t("paymentTitle")}
            </h2>
            <ActionForm action={paymentAction.bind(null, s.id)}>
              <Field name="amountCents" label={t("fields.amountCents")} required />
              <Field name="paidOn" label={t("fields.paidOn")} type="date" required />
              <Field name="reference" label={t("fields.reference")} />
              <Submit>{t("recordPayment")}</Submit>
            </ActionForm>
          </section>
        </div>
      ) : null}
    </>
  );
}

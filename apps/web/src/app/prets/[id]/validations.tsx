import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, Field, Submit } from "../../../components/form.tsx";
import { api } from "../../../server/api.ts";
import { onSiteAction, requestCodeAction, signAction } from "../actions.ts";

type Loan = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["loans"]["get"]>>;
type Doc = Loan["documents"][number];

/** The validations of a document, the button to validate it, and the on-site validation by the partner. */
export async function Validations({ loanId, doc }: { loanId: string; doc: Doc }) {
  const t = await getTranslations("loans");
  const format = await getFormatter();
  const at = (x: Date) =>
    format.dateTime(x, { dateStyle: "long", timeStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="mt-4 rounded-lg border border-slate-300 bg-slate-50 p-4">
      <h3 className="font-semibold">{t("validations")}</h3>
      <p className="text-sm text-slate-700">
        {t("fingerprint")} : <code className="break-all">{doc.sha256}</code>
      </p>
      <ul className="my-2 flex flex-col gap-1">
        {doc.signOffs.map((s) => (
          <li key={s.party}>
            <strong>{t(`party.${s.party}`)}</strong> : {s.name} ({s.role}) —{" "}
            {t("validatedAt", { at: at(s.at) })}
            {s.ip ? ` — IP ${s.ip}` : ""} — {t(`method.${s.method}`)}
          </li>
        ))}
        {doc.nextParty ? <li>{t("awaiting", { party: t(`party.${doc.nextParty}`) })}</li> : null}
        {doc.frozenAt ? <li className="font-semibold text-green-800">{t("frozen")}</li> : null}
      </ul>
      <p>
        <a href={`/api/prets/documents/${doc.id}`}>{t("pdf")}</a>
      </p>
      {doc.canSign ? (
        <ActionForm
          action={signAction.bind(null, loanId, doc.id, doc.sha256)}
          className="mt-3 flex flex-col gap-2"
        >
          <p>{t("signStatement")}</p>
          <Submit>{t("sign")}</Submit>
        </ActionForm>
      ) : null}
      {doc.canSignOnSite ? (
        <div id={`sur-place-${doc.id}`} className="mt-4 grid gap-4 md:grid-cols-2">
          <ActionForm
            action={onSiteAction.bind(null, loanId, doc.id, doc.sha256)}
            className="flex flex-col gap-2"
          >
            <h4 className="font-semibold">{t("onSite")}</h4>
            <p className="text-sm text-slate-700">{t("onSiteLead")}</p>
            <Field name="email" label={t("agentEmail")} type="email" required autoComplete="off" />
            <Field name="password" label={t("agentPassword")} type="password" autoComplete="off" />
            <Field name="code" label={t("agentCode")} inputMode="numeric" autoComplete="one-time-code" />
            <Submit>{t("signOnSite")}</Submit>
          </ActionForm>
          <ActionForm action={requestCodeAction.bind(null, loanId, doc.id)} className="flex flex-col gap-2">
            <h4 className="font-semibold">{t("sendCode")}</h4>
            <Field name="codeEmail" label={t("agentEmail")} type="email" required autoComplete="off" />
            <Submit>{t("sendCodeButton")}</Submit>
          </ActionForm>
        </div>
      ) : null}
    </div>
  );
}

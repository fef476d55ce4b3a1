import { getTranslations } from "next-intl/server";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import { api } from "../../server/api.ts";
import { logJobTimeAction, logTimeAction } from "./actions.ts";
import { frDate } from "./dates.ts";

const hm = (m: number) => `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")}`;

/** Time spent on a ticket or a data-migration job (technicians): the entries and a small form to log more. */
export async function TimeSection(subject: { ticketId: string } | { migrationJobId: string }) {
  const t = await getTranslations("billing");
  const caller = await api();
  const entries = await (
    "ticketId" in subject
      ? caller.billing.timeEntries({ ticketId: subject.ticketId })
      : caller.billing.jobTimeEntries({ migrationJobId: subject.migrationJobId })
  ).catch(() => null);
  if (!entries) return null;
  const billable = entries.filter((e) => e.billable).reduce((a, e) => a + e.minutes, 0);
  return (
    <section
      id="temps"
      aria-labelledby="temps-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="temps-title" className="font-semibold">
        {t("timeTitle")}
      </h2>
      <p className="text-sm" data-testid="billable-time">
        {t("billableTotal", { duration: hm(billable) })}
      </p>
      <ul className="mb-2 list-disc pl-5 text-sm">
        {entries.map((e) => (
          <li key={e.id}>
            {frDate(e.workedOn)} — {hm(e.minutes)} ({t(`profiles.${e.profile}`)}
            {e.billable ? `, ${t("billable")}` : ""}) — {e.userName}
            {e.comment ? ` : ${e.comment}` : ""}
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-sm font-medium">{t("logTime")}</summary>
        <ActionForm
          action={
            "ticketId" in subject
              ? logTimeAction.bind(null, subject.ticketId)
              : logJobTimeAction.bind(null, subject.migrationJobId)
          }
          className="mt-2 flex flex-col gap-2"
        >
          <Field name="workedOn" label={t("fields.workedOn")} type="date" required />
          <Field name="minutes" label={t("fields.minutes")} hint={t("minutesHint")} required />
          <SelectField
            name="profile"
            label={t("fields.profile")}
            options={(["technician", "engineer", "project_manager"] as const).map((p) => ({
              value: p,
              label: t(`profiles.${p}`),
            }))}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="billable" defaultChecked /> {t("fields.billable")}
          </label>
          <Field name="comment" label={t("fields.comment")} />
          <Submit>{t("saveTime")}</Submit>
        </ActionForm>
      </details>
    </section>
  );
}

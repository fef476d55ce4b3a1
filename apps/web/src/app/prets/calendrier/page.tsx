import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ButtonForm } from "../../../components/button-form.tsx";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { now } from "../../../server/clock.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { cancelReservationAction, reserveAction } from "../actions.ts";
import { LoanStatusBadge } from "../status-badge.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("loans");
  return { title: t("calendar") };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The Monday of the week of a date. */
const monday = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return day(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
};
const params = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => s >= "1900-01-01" && s <= "2999-12-31" && !Number.isNaN(Date.parse(s)))
    .optional()
    .catch(undefined),
});

export default async function LoanCalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("loans");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const from = monday(f.from ?? day(now().getTime()));
  const caller = await api();
  const staff = actor.role !== "agent";
  const [cal, options] = await Promise.all([
    caller.loans.calendar({ from, weeks: 6 }),
    staff ? caller.loans.formOptions() : Promise.resolve(null),
  ]);
  const d = (s: string) =>
    format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "medium", timeZone: "Europe/Paris" });
  const weeks = Array.from({ length: 6 }, (_, i) => {
    const start = day(Date.parse(`${from}T00:00:00Z`) + i * 7 * 86_400_000);
    const end = day(Date.parse(`${start}T00:00:00Z`) + 6 * 86_400_000);
    return { start, end, entries: cal.entries.filter((e) => e.startDate <= end && e.endDate >= start) };
  });
  const shift = (weeksBy: number) => day(Date.parse(`${from}T00:00:00Z`) + weeksBy * 7 * 86_400_000);
  return (
    <>
      <PageTitle lead={t("calendarLead")}>{t("calendar")}</PageTitle>
      <p className="mb-4 flex gap-4">
        <Link href={`/prets/calendrier?from=${shift(-6)}`}>{t("previousWeeks")}</Link>
        <Link href={`/prets/calendrier?from=${shift(6)}`}>{t("nextWeeks")}</Link>
        <Link href="/prets">{t("back")}</Link>
      </p>
      <ol className="flex flex-col gap-4">
        {weeks.map((w) => (
          <li key={w.start} className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 className="mb-2 font-semibold">{t("week", { start: d(w.start), end: d(w.end) })}</h2>
            {w.entries.length === 0 ? (
              <p className="text-slate-700">{t("nothingBooked")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {w.entries.map((e) => (
                  <li key={`${e.kind}-${e.id}`} className="flex flex-wrap items-center gap-2">
                    <LoanStatusBadge status={e.status} />
                    {e.kind === "loan" ? (
                      <Link href={`/prets/${e.id}`}>{e.label}</Link>
                    ) : (
                      <strong>{e.label}</strong>
                    )}
                    <span>
                      {e.assets.join(", ")} · {e.body || t("noBody")} ·{" "}
                      {t("periodValue", { start: d(e.startDate), end: d(e.endDate) })}
                    </span>
                    {e.kind === "reservation" && staff ? (
                      <ButtonForm
                        action={cancelReservationAction.bind(null, e.id)}
                        label={t("cancelReservation")}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {options ? (
        <section aria-labelledby="reserve-h" className="mt-8">
          <h2 id="reserve-h" className="mb-2 text-xl font-semibold">
            {t("reserve")}
          </h2>
          <ActionForm action={reserveAction}>
            <SelectField
              name="assetId"
              label={t("assetToReserve")}
              required
              options={[
                { value: "", label: t("choose") },
                ...options.assets.map((a) => ({ value: a.id, label: a.label })),
              ]}
            />
            <SelectField
              name="bodyId"
              label={t("forBody")}
              options={[
                { value: "", label: t("noBody") },
                ...options.bodies.map((b) => ({ value: b.id, label: b.legalName })),
              ]}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field name="startDate" label={t("startDate")} type="date" required />
              <Field name="endDate" label={t("endDate")} type="date" required />
            </div>
            <Field name="purpose" label={t("purpose")} maxLength={300} />
            <Submit>{t("reserveButton")}</Submit>
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}

import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { History } from "../../../components/history.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog.tsx";
import { addClosureAction, removeClosureAction, saveCalendarAction } from "../actions.ts";
import { CalendarForm, ClosureForm } from "../calendar-form.tsx";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { firstOrdinal } from "../../../lib/french-date.ts";

export const dynamic = "force-dynamic";

const fromParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("calendars");
  const c = await (await api()).calendars.get({ id: (await params).id }).catch(() => null);
  return { title: c?.name ?? t("title") };
}

export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const actor = await requireStaffOrNotFound();
  const { id } = await params;
  uuidOrNotFound(id);
  const from = fromParam.parse((await searchParams).from);
  const t = await getTranslations("calendars");
  const format = await getFormatter();
  const caller = await api();
  const cal = await caller.calendars.get({ id }).catch(() => null);
  if (!cal) notFound();
  const [preview, history] = await Promise.all([
    caller.calendars.preview({ id, from, days: 28 }),
    caller.audit.history({ entityType: "BusinessCalendar", entityId: id }),
  ]);
  const manage = actor.role === "manager" || actor.role === "admin";
  const d = (s: string) =>
    firstOrdinal(format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" }));
  const h = (m: number) => t("hours", { h: Math.floor(m / 60), m: String(m % 60).padStart(2, "0") });
  const weeks = Array.from({ length: Math.ceil(preview.days.length / 7) }, (_, i) =>
    preview.days.slice(i * 7, i * 7 + 7),
  );

  return (
    <>
      <PageTitle lead={`${cal.timeZone} · ${t(`zone.${cal.holidayZone}`)}`}>{cal.name}</PageTitle>

      <section aria-labelledby="preview" className="mb-8">
        <h2 id="preview" className="mb-2 text-xl font-semibold">
          {t("preview")}
        </h2>
        <p className="mb-3 text-slate-700">{t("previewLead", { total: h(preview.totalMinutes) })}</p>
        <form method="get" className="mb-4 flex items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="from" className="text-sm font-medium">
              {t("previewFrom")}
            </label>
            <input
              id="from"
              name="from"
              type="date"
              defaultValue={preview.from}
              className="rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("show")}
          </button>
        </form>
        {weeks.map((week, i) => (
          <div key={i} className="mb-4">
            <Table
              caption={t("weekCaption", { n: i + 1 })}
              headers={[t("date"), t("slots"), t("workingTime")]}
            >
              {week.map((day) => (
                <tr
                  key={day.date}
                  className={day.kind !== "open" ? "bg-amber-50" : day.minutes === 0 ? "bg-slate-50" : ""}
                >
                  <Cell header>{d(day.date)}</Cell>
                  <Cell>
                    {day.kind === "holiday"
                      ? t("holiday", { name: day.holiday ?? "" })
                      : day.kind === "closure"
                        ? t("closed")
                        : day.slots.map((s) => `${s.from}–${s.to}`).join(", ") || t("notWorked")}
                  </Cell>
                  <Cell>{h(day.minutes)}</Cell>
                </tr>
              ))}
            </Table>
          </div>
        ))}
        {preview.holidays.length ? (
          <details className="mt-2">
            <summary className="cursor-pointer font-medium text-brand-800">
              {t("holidaysOfYear", { year: preview.from.slice(0, 4) })}
            </summary>
            <ul className="mt-2 list-disc pl-6">
              {preview.holidays.map((x) => (
                <li key={x.date}>
                  {d(x.date)} — {x.name}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="closures-title" id="closures" className="mb-8 flex max-w-2xl flex-col gap-3">
        <h2 id="closures-title" className="text-xl font-semibold">
          {t("closures")}
        </h2>
        {cal.closures.length === 0 ? (
          <p className="text-slate-700">{t("noClosures")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {cal.closures.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-4">
                <span>
                  {c.startDate === c.endDate
                    ? d(c.startDate)
                    : t("range", { from: d(c.startDate), to: d(c.endDate) })}{" "}
                  — {c.label}
                </span>
                {manage ? (
                  <ConfirmDialog
                    trigger={t("removeClosure", { label: c.label })}
                    triggerSize="sm"
                    title={t("removeClosureTitle", { label: c.label })}
                    consequence={t("removeClosureConsequence")}
                    confirmLabel={t("removeConfirm")}
                    cancelLabel={t("keep")}
                    action={removeClosureAction.bind(null, id, c.id)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {manage ? <ClosureForm action={addClosureAction.bind(null, id)} /> : null}
      </section>

      {manage ? (
        <section aria-labelledby="edit" className="mb-8">
          <h2 id="edit" className="mb-3 text-xl font-semibold">
            {t("edit")}
          </h2>
          <CalendarForm
            action={saveCalendarAction.bind(null, id)}
            submit={t("save")}
            defaults={{
              name: cal.name,
              timeZone: cal.timeZone,
              holidayZone: cal.holidayZone,
              weekly: cal.weekly,
            }}
          />
        </section>
      ) : null}
      <History rows={history} />
    </>
  );
}

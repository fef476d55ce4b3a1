import { getFormatter, getTranslations } from "next-intl/server";
import type { ExplainedDay } from "@mutuo/core/sla";
import { SlaBadge, formatDue } from "./ticket-bits.tsx";
import { firstOrdinal } from "../../lib/french-date.ts";

interface Target {
  minutes: number | null;
  basis: string | null;
  dueAt: Date | null;
  state: string;
  manual: boolean;
  days: ExplainedDay[];
}

/** Deadlines with their state, and the explainer: the working time counted day by day. */
export async function SlaPanel({
  intervention,
  resolution,
  calendarName,
  source,
  clockStartsAt,
}: {
  /** When no working time has elapsed yet: the clock's start, in words ("lundi 30 novembre à 08:30"). */
  clockStartsAt?: string | null;
  intervention: Target;
  resolution: Target;
  calendarName: string | null;
  source: string;
}) {
  const t = await getTranslations("tickets");
  const p = await getTranslations("ticketPage");
  const format = await getFormatter();
  const time = (d: Date) =>
    format.dateTime(d, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const hours = (ms: number) =>
    t("hoursValue", { h: (ms / 3600_000).toLocaleString("fr-FR", { maximumFractionDigits: 2 }) });
  const block = async (key: "intervention" | "resolution", x: Target) => (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">
        {t(key)} <SlaBadge state={x.state} feminine />
      </h3>
      {x.minutes === null ? (
        <p>{t("noTarget")}</p>
      ) : (
        <p>
          {t("targetValue", {
            hours: (x.minutes / 60).toLocaleString("fr-FR"),
            basis: t(`basis.${x.basis ?? "clock"}`),
          })}{" "}
          — {x.dueAt ? t("dueOn", { when: await formatDue(x.dueAt) }) : t("dueUnknown")}
          {x.manual ? ` (${t("manual")})` : ""}
        </p>
      )}
      {x.days.length ? (
        <details>
          <summary className="cursor-pointer py-2.5 text-brand-800">{t("explain")}</summary>
          <ol className="mt-2 flex flex-col gap-1 text-sm">
            {x.days.map((d) => (
              <li key={d.date} className={d.kind === "open" ? "" : "text-slate-600"}>
                <span className="font-medium">
                  {firstOrdinal(
                    format.dateTime(new Date(`${d.date}T12:00:00Z`), {
                      weekday: "long",
                      day: "numeric",
                      month: "long",
                      timeZone: "UTC",
                    }),
                  )}
                </span>{" "}
                —{" "}
                {d.kind === "holiday"
                  ? t("dayHoliday", { name: d.holiday ?? "" })
                  : d.kind === "closure"
                    ? t("dayClosure")
                    : d.kind === "closed"
                      ? t("dayClosed")
                      : null}
                {d.segments.map((s, i) => (
                  <span key={i} className={s.counted ? "" : "line-through"}>
                    {i > 0 || d.kind !== "open" ? ", " : ""}
                    {time(s.from)}–{time(s.to)}
                    {s.counted ? "" : ` (${t("pausedSegment")})`}
                  </span>
                ))}
                {d.countedMs
                  ? ` : ${hours(d.countedMs)} (${t("cumulative", { total: hours(d.cumulativeMs) })})`
                  : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
  return (
    <section
      aria-labelledby="sla"
      className="mb-6 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="sla" className="text-lg font-semibold">
        {t("slaTitle")}
      </h2>
      <p className="text-sm text-slate-700">
        {t(`source.${source}`)}
        {calendarName ? ` · ${t("calendarUsed", { name: calendarName })}` : ""}
      </p>
      {clockStartsAt ? (
        <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950">
          {p("clockStarts", { when: clockStartsAt })}
        </p>
      ) : null}
      {await block("intervention", intervention)}
      {await block("resolution", resolution)}
    </section>
  );
}

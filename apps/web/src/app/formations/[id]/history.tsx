// A session's history: what happened, who did it and when (Europe/Paris). Partners receive only the
// session's own events and those of their bodies' people (filtered in the service).
import { getFormatter, getTranslations } from "next-intl/server";
import type { TrainingEventRow } from "@mutuo/core/training";

type Change = [unknown, unknown];

export async function SessionHistory({ events, partner }: { events: TrainingEventRow[]; partner: boolean }) {
  const t = await getTranslations("training.history");
  const format = await getFormatter();
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const shown = (v: unknown) => (v === null || v === "" ? t("emptyValue") : String(v));
  const fieldName = (k: string) => (t.has(`fields.${k}`) ? t(`fields.${k}`) : k);
  const what = (e: TrainingEventRow) => {
    const d = e.data;
    const params = {
      person: e.person ?? t("someone"),
      body: e.body ?? "—",
      capacity: Number(d.capacity ?? 0),
      position: Number(d.position ?? 0),
      date: String(d.date ?? ""),
      start: String(d.start ?? ""),
      end: String(d.end ?? ""),
      hours: String(d.hours ?? "").replace(".", ","),
    };
    return t.has(`kinds.${e.kind}`) ? t(`kinds.${e.kind}`, params) : e.kind;
  };
  return (
    <section aria-labelledby="history" className="mb-6">
      <h2 id="history" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      {partner ? <p className="mb-2 text-sm text-slate-700">{t("partnerNote")}</p> : null}
      {events.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="training-history">
          {events.map((e) => {
            const changes = Object.entries((e.data.changes ?? {}) as Record<string, Change>);
            return (
              <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
                <p>
                  <time dateTime={new Date(e.at).toISOString()} className="font-medium">
                    {when(new Date(e.at))}
                  </time>{" "}
                  — {what(e)}
                  {e.data.late ? ` (${t("lateCancellation")})` : ""}{" "}
                  <span className="text-slate-700">{e.actor ? t("by", { actor: e.actor }) : t("auto")}</span>
                </p>
                {changes.length ? (
                  <ul className="mt-1 list-disc pl-6 text-sm text-slate-800">
                    {changes.map(([k, [before, after]]) => (
                      <li key={k}>
                        {t("change", { field: fieldName(k), before: shown(before), after: shown(after) })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

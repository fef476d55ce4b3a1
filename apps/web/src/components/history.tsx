import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@mutuo/core/audit";
import { firstOrdinal } from "../lib/french-date.ts";
import { AuditChanges } from "./audit-changes.tsx";

/** "Who did what": the audit trail of one object, newest first. */
export async function History({ rows, headingId = "history" }: { rows: AuditRow[]; headingId?: string }) {
  const t = await getTranslations("history");
  const format = await getFormatter();
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {rows.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 bg-white p-3">
              <p>
                <span className="font-medium">{r.actorLabel}</span> — {t(`actions.${r.action}`)} —{" "}
                <time dateTime={r.at.toISOString()}>
                  {firstOrdinal(
                    format.dateTime(r.at, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: "Europe/Paris",
                    }),
                  )}
                </time>{" "}
                <span className="text-sm text-slate-600">({t(`channels.${r.channel}`)})</span>
              </p>
              <AuditChanges changes={r.changes} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

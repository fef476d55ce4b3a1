// Retention of personal data: when a ticket's declarant identity is anonymised. Pure functions.
import { addDays, instantOf, localDateOf } from "../sla/index.ts";

/** Months after a ticket ends (closed or cancelled) before its declarant's identity is anonymised. */
export const DEFAULT_DECLARANT_MONTHS = 36;
export const MIN_DECLARANT_MONTHS = 1;
export const MAX_DECLARANT_MONTHS = 240;

/** What replaces the declarant's name (the column is required). */
export const ANONYMISED_DECLARANT = "Déclarant anonymisé";

/** The nightly run: every day at 03:40, Paris time. */
export const RETENTION_CRON = "40 3 * * *";
const RUN_MINUTES = 3 * 60 + 40;
const ZONE = "Europe/Paris";

/** Tickets handled per transaction, and at most per run (the rest waits for the next night). */
export const BATCH_SIZE = 200;
export const MAX_PER_RUN = 20_000;

/**
 * The instant `months` calendar months before `at` (UTC). A day that does not exist in the target month
 * falls back to that month's last day (31 March − 1 month = 28 or 29 February).
 */
export function monthsBefore(at: Date, months: number): Date {
  const t = at.getTime();
  const first = new Date(t);
  first.setUTCDate(1);
  first.setUTCMonth(first.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return first;
}

/** Tickets that ended strictly before this instant have their declarant anonymised by a run at `runAt`. */
export const retentionCutoff = (runAt: Date, months: number): Date => monthsBefore(runAt, months);

/** The next nightly run after `now` (03:40 Paris time, whatever the season). */
export function nextRunAt(now: Date): Date {
  const today = localDateOf(ZONE, now.getTime());
  const at = instantOf(ZONE, today, RUN_MINUTES);
  if (at > now.getTime()) return new Date(at);
  return new Date(instantOf(ZONE, addDays(today, 1), RUN_MINUTES));
}

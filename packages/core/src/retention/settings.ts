// Where the retention setting lives: one AppMeta row, written by an administrator. Without it, the
// default comes from the configuration (MUTUO_RETENTION_MONTHS), else 36 months.
import type { DbTx } from "@mutuo/db";
import { z } from "zod";
import { DEFAULT_DECLARANT_MONTHS } from "./rules.ts";
import { retentionSettingsInput } from "./schema.ts";

export const RETENTION_META_KEY = "retention";

export interface RetentionSettings {
  /** Months after a ticket ends before its declarant's identity is anonymised. */
  declarantMonths: number;
  /** True when an administrator chose it; false when it is the configured default. */
  chosen: boolean;
  defaultMonths: number;
}

export async function readRetentionSettings(
  db: DbTx,
  defaultMonths = DEFAULT_DECLARANT_MONTHS,
): Promise<RetentionSettings> {
  const row = await db.appMeta.findUnique({ where: { key: RETENTION_META_KEY }, select: { value: true } });
  const stored = retentionSettingsInput.safeParse(row?.value);
  return stored.success
    ? { declarantMonths: stored.data.declarantMonths, chosen: true, defaultMonths }
    : { declarantMonths: defaultMonths, chosen: false, defaultMonths };
}

/** The configured default, as the worker and the web app read it. */
export const defaultMonthsInput = z.number().int().min(1).max(240).default(DEFAULT_DECLARANT_MONTHS);

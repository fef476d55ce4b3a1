// What a report is. Every report of Mutuo (SLA, training, equipment, billing) is one
// `ReportDefinition` added to REPORTS (registry.ts); the page, the exports (CSV, XLSX, PDF), the
// charts and the scheduled e-mails are generic and work from what it returns.
//
// To add a dashboard (e.g. training):
//   1. write packages/core/src/reports/<name>-report.ts exporting a ReportDefinition whose `read`
//      runs the SQL (on a read model, not the raw tables, when they grow) and returns ReportData;
//   2. add it to REPORTS in registry.ts (and, for a built-in schedule, a line to DEFAULT_SUBSCRIPTIONS);
//   3. add its French/English titles under "reports.<id>" in apps/web/messages/*.json.
// Nothing else: the page /rapports/<id>, its filters, charts, tables, « Comment c'est calculé »,
// the exports and the subscriptions follow.
import type { z } from "zod";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import type { Period, PeriodKind } from "./rules.ts";

/** A filter field shown above the report (period fields are common to every report). */
export interface FilterField {
  name: string;
  /** French label. */
  label: string;
  /** Choices for a select; "body" choices are limited to the bodies the actor may see. */
  options: "bodies" | "services" | "technicians" | { value: string; label: string }[];
  /** Hidden from partner agents (e.g. the technician). */
  staffOnly?: boolean;
}

/** One chart: drawn as SVG on the server (charts.ts), the same in the page, the PDF and the e-mail. */
export interface ChartSpec {
  id: string;
  title: string;
  /** What the chart shows, in a sentence (the SVG's <desc>, read by screen readers). */
  description: string;
  kind: "line" | "bar";
  /** Points: x a label (a month, a channel), y a number, series a group (drawn with a dash/pattern). */
  data: { x: string; y: number; series?: string }[];
  /** A horizontal reference line (a target). */
  target?: { value: number; label: string };
  xLabel: string;
  yLabel: string;
  /** The y axis domain (e.g. [0, 100] for rates). */
  yDomain?: [number, number];
}

export type Value = string | number | null;

export interface ReportTable {
  id: string;
  title: string;
  columns: { key: string; title: string; align?: "left" | "right" }[];
  rows: Record<string, Value>[];
  /** A last row adding the table up. */
  totals?: Record<string, Value>;
}

/** A headline figure, with the previous period and the target when they exist. */
export interface Kpi {
  id: string;
  label: string;
  value: Value;
  /** Formatted value (« 92,4 % », « 3 h 05 »). */
  display: string;
  previous?: string;
  target?: string;
  /** Below target: shown in words (not only in colour). */
  belowTarget?: boolean;
}

export interface ReportData {
  reportId: string;
  title: string;
  /** The period and its label (« T4 2026 »). */
  period: Period;
  periodLabel: string;
  previousLabel: string;
  /** The filters used, as label/value pairs (for the page, the PDF and the e-mail). */
  filtersUsed: [string, string][];
  kpis: Kpi[];
  charts: ChartSpec[];
  tables: ReportTable[];
  /** « Comment c'est calculé », one paragraph each. */
  definitions: string[];
}

/** What every report receives: the period and its own filters, already checked. */
export interface ReportQuery<F> {
  period: Period;
  filters: F;
  /** Bodies the report is limited to: the actor's own for an agent, the filter's, or "all". */
  bodyIds: "all" | string[];
}

export interface ReportDefinition<F = Record<string, string | undefined>> {
  /** URL segment and key: "sla", "training", "equipment", "billing". */
  id: string;
  /** French title. */
  title: string;
  /** Who may open it: staff roles, and partner agents (limited to their bodies) if `agents`. */
  agents: boolean;
  /** Period kinds offered (month, quarter, year). */
  periods: PeriodKind[];
  /** The report's own filters (URL search params → typed filters; unknown values are refused). */
  filters: z.ZodType<F>;
  filterFields: FilterField[];
  /** Reads the data (through a read model) and builds the report. */
  read(db: Db, actor: Actor, q: ReportQuery<F>, now: Date): Promise<ReportData>;
  /** A short summary for e-mails (the headline figures in one or two lines). */
  summary?(data: ReportData): string;
}

/** A report's e-mail summary: its headline figures (those of `ids`, else all), one a line, each with
 * the previous period's when known. */
export const kpiSummary =
  (ids?: string[]) =>
  (d: ReportData): string =>
    d.kpis
      .filter((k) => !ids || ids.includes(k.id))
      .map((k) => `${k.label} : ${k.display}${k.previous ? ` (période précédente : ${k.previous})` : ""}`)
      .join("\n");

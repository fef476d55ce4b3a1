// Exports of any report: CSV and XLSX (the filtered figures: headline figures and every table) and
// PDF through the document module (header, filters used, charts, tables, definitions).
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Content } from "pdfmake/interfaces";
import { heading, keyValues, paragraph, renderPdf, table } from "../documents/index.ts";
import { chartSvg } from "./charts.ts";
import type { ReportData, ReportTable, Value } from "./definition.ts";

export interface ExportFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

export const fileBase = (d: ReportData) => `rapport-${d.reportId}-${slug(d.periodLabel)}`;

const tableRows = (t: ReportTable) => [...t.rows, ...(t.totals ? [t.totals] : [])];
const display = (v: Value | undefined) =>
  v === null || v === undefined ? "" : typeof v === "number" ? String(v).replace(".", ",") : v;

/** The CSV's records: the title, filters, headline figures, then each table one under the other. */
export function reportCsvRecords(d: ReportData): string[][] {
  const lines: string[][] = [[d.title], ...d.filtersUsed.map(([k, v]) => [k, v]), []];
  lines.push(["Indicateur", "Valeur", "Période précédente", "Cible"]);
  for (const k of d.kpis) lines.push([k.label, k.display, k.previous ?? "", k.target ?? ""]);
  for (const t of d.tables) {
    lines.push(
      [],
      [t.title],
      t.columns.map((c) => c.title),
    );
    for (const r of tableRows(t)) lines.push(t.columns.map((c) => display(r[c.key])));
  }
  return lines;
}

/** Records as CSV text (semicolon, CRLF). */
export const csvText = (records: string[][]) =>
  stringify(records, { delimiter: ";", record_delimiter: "\r\n" });

/** CSV (semicolon, UTF-8 with BOM: opens as-is in a French spreadsheet): sections one under the other. */
export function reportCsv(d: ReportData): ExportFile {
  const csv = `\uFEFF${csvText(reportCsvRecords(d))}`;
  return { name: `${fileBase(d)}.csv`, mimeType: CSV_TYPE, bytes: Buffer.from(csv, "utf8") };
}

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The sheets of a report (a summary, then one per table with numbers as numbers), in a workbook
 * held in memory or streamed (the worker's exports commit them as they go). */
export function addReportSheets(
  wb: Pick<ExcelJS.Workbook, "addWorksheet">,
  d: ReportData,
): ExcelJS.Worksheet[] {
  const summary = wb.addWorksheet("Synthèse");
  summary.addRow([d.title]).font = { bold: true, size: 14 };
  for (const [k, v] of d.filtersUsed) summary.addRow([k, v]);
  summary.addRow([]);
  summary.addRow(["Indicateur", "Valeur", "Période précédente", "Cible"]).font = { bold: true };
  for (const k of d.kpis) summary.addRow([k.label, k.display, k.previous ?? "", k.target ?? ""]);
  summary.getColumn(1).width = 45;
  summary.getColumn(2).width = 30;
  summary.getColumn(3).width = 30;
  const sheets = [summary];
  for (const t of d.tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(t.columns.map((c) => c.title)).font = { bold: true };
    for (const r of tableRows(t)) ws.addRow(t.columns.map((c) => r[c.key] ?? null));
    if (t.totals) ws.lastRow!.font = { bold: true };
    t.columns.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 32 : 16));
    sheets.push(ws);
  }
  return sheets;
}

/** XLSX: a summary sheet, then one sheet per table with numbers as numbers. */
export async function reportXlsx(d: ReportData): Promise<ExportFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mutuo";
  addReportSheets(wb, d);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { name: `${fileBase(d)}.xlsx`, mimeType: XLSX_TYPE, bytes };
}

/** PDF: the page as a document. */
export async function reportPdf(d: ReportData, createdAt?: Date): Promise<ExportFile> {
  const content: Content[] = [
    heading("Filtres"),
    keyValues(d.filtersUsed),
    heading("Indicateurs"),
    table(
      [
        { title: "Indicateur", width: "*" },
        { title: d.periodLabel, width: 120, align: "right" },
        { title: `Précédente (${d.previousLabel})`, width: 120, align: "right" },
        { title: "Cible", width: 50, align: "right" },
      ],
      d.kpis.map((k) => [
        k.label,
        k.belowTarget ? { text: `${k.display} (sous la cible)`, warn: true } : k.display,
        k.previous ?? null,
        k.target ?? null,
      ]),
    ),
  ];
  for (const c of d.charts) {
    content.push(heading(c.title, 3), {
      svg: chartSvg(c, { width: 640, height: 260 }),
      width: 500,
    } as Content);
    content.push(paragraph(c.description, { muted: true }));
  }
  for (const t of d.tables) {
    content.push(heading(t.title));
    content.push(
      table(
        t.columns.map((c, i) => ({ title: c.title, width: i === 0 ? "*" : "auto", align: c.align })),
        tableRows(t).map((r) => t.columns.map((c) => (r[c.key] === undefined ? null : display(r[c.key]!)))),
      ),
    );
  }
  content.push(heading("Comment c'est calculé"), ...d.definitions.map((p) => paragraph(p)));
  const bytes = await renderPdf({
    title: `${d.title} — ${d.periodLabel}`,
    subtitle: d.filtersUsed
      .slice(1)
      .map(([k, v]) => `${k} : ${v}`)
      .join(" · "),
    content,
    landscape: true,
    createdAt,
  });
  return { name: `${fileBase(d)}.pdf`, mimeType: "application/pdf", bytes };
}

export async function exportReport(d: ReportData, format: "csv" | "xlsx" | "pdf"): Promise<ExportFile> {
  if (format === "csv") return reportCsv(d);
  if (format === "xlsx") return reportXlsx(d);
  return reportPdf(d);
}

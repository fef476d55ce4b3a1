// CSV import of assets, as the bodies import does: every row is checked first; if any row is wrong,
// nothing is imported and the report names each faulty row and column.
import { parse } from "csv-parse/sync";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { DomainError } from "../errors/index.ts";
import { requireAssetManager } from "./policy.ts";
import { custodyProblem, eurosToCents } from "./rules.ts";
import { createAsset } from "./service.ts";
import { ASSET_STATUSES, createAssetInput, importAssetsInput, type AssetStatusValue } from "./schema.ts";
import type { z } from "zod";

export const ASSET_CSV_COLUMNS = [
  "etiquette",
  "numero_serie",
  "type",
  "fabricant",
  "modele",
  "statut",
  "siret_organisme",
  "emplacement",
  "date_achat",
  "valeur_euros",
  "fin_garantie",
  "notes",
] as const;
const REQUIRED = ["etiquette", "type"] as const;
const MAX_ROWS = 5000;

export interface AssetImportRowError {
  line: number;
  field: string;
  message: string;
}
export type AssetImportReport = { imported: number; errors: AssetImportRowError[] };

const statusAliases: Record<string, AssetStatusValue> = {
  en_stock: "in_stock",
  stock: "in_stock",
  reserve: "reserved",
  prete: "lent",
  pret: "lent",
  en_reparation: "in_repair",
  reparation: "in_repair",
  perdu: "lost",
  vole: "stolen",
  reforme: "retired",
  ...Object.fromEntries(ASSET_STATUSES.map((s) => [s, s])),
};
const columnOf: Record<string, string> = {
  tag: "etiquette",
  serialNumber: "numero_serie",
  kindId: "type",
  manufacturer: "fabricant",
  model: "modele",
  status: "statut",
  bodyId: "siret_organisme",
  location: "emplacement",
  purchaseDate: "date_achat",
  purchaseValueCents: "valeur_euros",
  warrantyEnd: "fin_garantie",
  notes: "notes",
};
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
/** "31/12/2027" as written in French spreadsheets, or "2027-12-31". */
const isoOf = (v: string | undefined) => {
  const s = (v ?? "").trim();
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  return fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : s;
};
const plain = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function readRows(content: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    const delimiter = (content.split("\n")[0] ?? "").includes(";") ? ";" : ",";
    records = parse(content.replace(/^\uFEFF/, ""), {
      columns: (h: string[]) => h.map((c) => plain(c.trim())),
      delimiter,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    throw new DomainError("VALIDATION", `unreadable CSV: ${(e as Error).message}`, { field: "file" });
  }
  if (records.length === 0) throw new DomainError("VALIDATION", "empty file", { field: "file" });
  if (records.length > MAX_ROWS)
    throw new DomainError("VALIDATION", `more than ${MAX_ROWS} rows`, { field: "file" });
  const missing = REQUIRED.filter((c) => !(c in records[0]!));
  if (missing.length)
    throw new DomainError("VALIDATION", `missing columns: ${missing.join(", ")}`, { field: "file" });
  return records;
}

export async function importAssetsCsv(
  db: Db,
  actor: Actor,
  raw: z.input<typeof importAssetsInput>,
): Promise<AssetImportReport> {
  requireAssetManager(actor);
  const records = readRows(importAssetsInput.parse(raw).content);
  const [kinds, bodies] = await Promise.all([
    db.assetKind.findMany({ where: { active: true }, select: { id: true, code: true, label: true } }),
    db.body.findMany({
      where: { kind: { not: "provider" }, siret: { not: null } },
      select: { id: true, siret: true },
    }),
  ]);
  const kindOf = new Map<string, string>();
  for (const k of kinds) {
    kindOf.set(plain(k.code), k.id);
    kindOf.set(plain(k.label), k.id);
  }
  const bodyOf = new Map(bodies.map((b) => [b.siret!, b.id]));
  const errors: AssetImportRowError[] = [];
  const valid: { line: number; data: z.output<typeof createAssetInput> }[] = [];
  const tags = new Set<string>();
  const serials = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 2; // the header is line 1
    const siret = (r.siret_organisme ?? "").replace(/\s/g, "");
    const cents = eurosToCents(r.valeur_euros ?? "");
    const candidate = {
      tag: r.etiquette ?? "",
      serialNumber: r.numero_serie || null,
      kindId: kindOf.get(plain(r.type ?? "")) ?? UNKNOWN,
      manufacturer: r.fabricant ?? "",
      model: r.modele ?? "",
      status: statusAliases[plain(r.statut || "en_stock")] ?? (r.statut as never),
      bodyId: siret ? (bodyOf.get(siret) ?? UNKNOWN) : null,
      location: r.emplacement ?? "",
      purchaseDate: isoOf(r.date_achat) || null,
      purchaseValueCents: cents,
      warrantyEnd: isoOf(r.fin_garantie) || null,
      notes: r.notes ?? "",
    };
    const parsed = createAssetInput.safeParse(candidate);
    const rowErrors: AssetImportRowError[] = [];
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        rowErrors.push({
          line,
          field: columnOf[String(issue.path[0])] ?? String(issue.path[0]),
          message: issue.message,
        });
    if (candidate.kindId === UNKNOWN) rowErrors.push({ line, field: "type", message: "unknown_asset_kind" });
    if (candidate.bodyId === UNKNOWN)
      rowErrors.push({ line, field: "siret_organisme", message: "unknown_partner" });
    if (parsed.success && !rowErrors.length) {
      const custody = custodyProblem(parsed.data.status, parsed.data.bodyId);
      if (custody) rowErrors.push({ line, field: "siret_organisme", message: custody.message });
      if (tags.has(parsed.data.tag))
        rowErrors.push({ line, field: "etiquette", message: "duplicate_in_file" });
      if (parsed.data.serialNumber && serials.has(parsed.data.serialNumber))
        rowErrors.push({ line, field: "numero_serie", message: "duplicate_in_file" });
      tags.add(parsed.data.tag);
      if (parsed.data.serialNumber) serials.add(parsed.data.serialNumber);
      if (!rowErrors.length) valid.push({ line, data: parsed.data });
    }
    // Keep one error per column (the first), in the column order.
    const seen = new Set<string>();
    for (const e of rowErrors) if (!seen.has(e.field) && seen.add(e.field)) errors.push(e);
  });
  const [usedTags, usedSerials] = await Promise.all([
    db.asset.findMany({ where: { tag: { in: valid.map((v) => v.data.tag) } }, select: { tag: true } }),
    db.asset.findMany({
      where: { serialNumber: { in: valid.map((v) => v.data.serialNumber).filter((s): s is string => !!s) } },
      select: { serialNumber: true },
    }),
  ]);
  const tagUsed = new Set(usedTags.map((a) => a.tag));
  const serialUsed = new Set(usedSerials.map((a) => a.serialNumber));
  for (const v of valid) {
    if (tagUsed.has(v.data.tag))
      errors.push({ line: v.line, field: "etiquette", message: "tag_already_used" });
    if (v.data.serialNumber && serialUsed.has(v.data.serialNumber))
      errors.push({ line: v.line, field: "numero_serie", message: "serial_already_used" });
  }
  if (errors.length) return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };
  await db.$transaction(
    async (tx) => {
      for (const v of valid) await createAsset(db, actor, v.data, tx);
    },
    { timeout: 120_000 },
  );
  return { imported: valid.length, errors: [] };
}

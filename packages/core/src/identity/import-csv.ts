// CSV import of partner bodies. Every row is checked first; if any row is wrong, nothing is
// imported and the report names each faulty row and field, so the file can be fixed and re-sent.
import { parse } from "csv-parse/sync";
import type { Db } from "@mutuo/db";
import { DomainError } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { createBody } from "./bodies.ts";
import { requireRole } from "../access/index.ts";
import { bodyInput, partnerKinds } from "./schema.ts";

export const CSV_COLUMNS = [
  "raison_sociale",
  "type",
  "siret",
  "code_insee",
  "population",
  "annee_population",
  "siret_commune",
  "adresse",
  "code_postal",
  "ville",
  "dpo_nom",
  "dpo_email",
] as const;
const MAX_ROWS = 2000;

export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}
export type ImportReport = { imported: number; errors: ImportRowError[] };

const kindAliases: Record<string, (typeof partnerKinds)[number]> = {
  commune: "commune",
  ccas: "ccas",
  cias: "cias",
  association: "association",
  autre: "other",
  other: "other",
};
const columnField: Record<string, string> = {
  legalName: "raison_sociale",
  kind: "type",
  siret: "siret",
  inseeCode: "code_insee",
  population: "population",
  populationYear: "annee_population",
  communeId: "siret_commune",
  addressLine: "adresse",
  postalCode: "code_postal",
  city: "ville",
  dpoName: "dpo_nom",
  dpoEmail: "dpo_email",
};

function int(v: string | undefined): number | null | typeof NaN {
  if (!v?.trim()) return null;
  return /^\d+$/.test(v.replace(/\s/g, "")) ? Number(v.replace(/\s/g, "")) : NaN;
}

export async function importBodiesCsv(db: Db, actor: Actor, content: string): Promise<ImportReport> {
  requireRole(actor, "manager", "admin");
  let records: Record<string, string>[];
  try {
    const delimiter = (content.split("\n")[0] ?? "").includes(";") ? ";" : ",";
    records = parse(content.replace(/^\uFEFF/, ""), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
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
  const missing = CSV_COLUMNS.slice(0, 3).filter((c) => !(c in records[0]!));
  if (missing.length)
    throw new DomainError("VALIDATION", `missing columns: ${missing.join(", ")}`, { field: "file" });

  const communes = new Map(
    (await db.body.findMany({ where: { kind: "commune" }, select: { id: true, siret: true } })).map((c) => [
      c.siret,
      c.id,
    ]),
  );
  const errors: ImportRowError[] = [];
  const valid: { line: number; data: ReturnType<typeof bodyInput.parse> }[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 2; // the header is line 1
    const communeSiret = r.siret_commune?.replace(/\s/g, "");
    const candidate = {
      legalName: r.raison_sociale ?? "",
      kind: kindAliases[(r.type ?? "").toLowerCase()] ?? (r.type as never),
      siret: r.siret ?? "",
      inseeCode: r.code_insee,
      population: int(r.population),
      populationYear: int(r.annee_population),
      communeId: communeSiret ? (communes.get(communeSiret) ?? "00000000-0000-4000-8000-000000000000") : null,
      addressLine: r.adresse,
      postalCode: r.code_postal,
      city: r.ville,
      dpoName: r.dpo_nom,
      dpoEmail: r.dpo_email || null,
    };
    const parsed = bodyInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          line,
          field: columnField[String(issue.path[0])] ?? String(issue.path[0]),
          message: issue.message,
        });
      return;
    }
    if (communeSiret && !communes.has(communeSiret))
      errors.push({ line, field: "siret_commune", message: "unknown_commune" });
    else if (seen.has(parsed.data.siret)) errors.push({ line, field: "siret", message: "duplicate_in_file" });
    else valid.push({ line, data: parsed.data });
    seen.add(parsed.data.siret);
  });
  const existing = new Set(
    (
      await db.body.findMany({
        where: { siret: { in: valid.map((v) => v.data.siret) } },
        select: { siret: true },
      })
    ).map((b) => b.siret),
  );
  for (const v of valid)
    if (existing.has(v.data.siret))
      errors.push({ line: v.line, field: "siret", message: "already_registered" });
  if (errors.length) return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };

  await db.$transaction(
    async (tx) => {
      for (const v of valid) await createBody(db, actor, v.data, "web", tx);
    },
    { timeout: 60_000 },
  );
  return { imported: valid.length, errors: [] };
}

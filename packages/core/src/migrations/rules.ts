// Pure rules of data migrations: typed column checks (French reality: dd/mm/yyyy, decimal commas,
// SIRET with Luhn…), cross-field rules, encoding and delimiter detection, mapping proposals and the
// job's lifecycle. No I/O: the check run and the test load call these on every row.

export const COLUMN_TYPES = [
  "text",
  "integer",
  "decimal",
  "date",
  "boolean",
  "email",
  "phone",
  "siret",
  "insee",
  "postal_code",
  "amount",
  "enum",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export type TargetColumn = {
  name: string;
  label: string;
  type: ColumnType;
  required: boolean;
  maxLength?: number;
  /** Allowed values of an "enum" column. */
  values?: string[];
  /** Values must be unique across the file. */
  unique?: boolean;
};

export type CrossRule = { kind: "date_order"; from: string; to: string };

export type Checked = { ok: true; value: string } | { ok: false; rule: string };

const ok = (value: string): Checked => ({ ok: true, value });
const ko = (rule: string): Checked => ({ ok: false, rule });

/** Luhn checksum, as used by SIREN/SIRET numbers. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIRET: 14 digits (spaces allowed), Luhn-valid (La Poste's establishments excepted by the sum rule). */
export function isSiret(s: string): boolean {
  if (!/^\d{14}$/.test(s)) return false;
  if (s.startsWith("356000000")) {
    let sum = 0;
    for (const c of s) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhn(s);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FR_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "dd/mm/yyyy" (or d/m/yyyy, or ISO) to "yyyy-mm-dd", or null if it is not a real calendar date. */
export function parseFrenchDate(s: string): string | null {
  let d: number, m: number, y: number;
  const fr = FR_DATE.exec(s);
  if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  else {
    const iso = ISO_DATE.exec(s);
    if (!iso) return null;
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  if (m < 1 || m > 12 || d < 1 || y < 1800 || y > 2200) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1]!)) return null;
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** "1 234,56" / "1234.56" / "-3" to a canonical "1234.56", or null. */
export function parseDecimal(s: string): string | null {
  const t = s.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^[+-]?(\d+|\d{1,3}(\.\d{3})+)([.,]\d+)?$/.test(t) && !/^[+-]?\d+[.,]\d+$/.test(t)) return null;
  let n = t;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(n)) n = n.replace(/\./g, "");
  n = n.replace(",", ".").replace(/^\+/, "");
  return n;
}

const TRUE = new Set(["oui", "o", "vrai", "true", "1", "x", "yes"]);
const FALSE = new Set(["non", "n", "faux", "false", "0", "no"]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

const enumIndexes = new WeakMap<TargetColumn, Map<string, string>>();
/** An enum column's values by their lower case (built once per column, not per row). */
function enumIndex(column: TargetColumn): Map<string, string> {
  let m = enumIndexes.get(column);
  if (!m) {
    m = new Map();
    for (const x of column.values ?? []) if (!m.has(x.toLowerCase())) m.set(x.toLowerCase(), x);
    enumIndexes.set(column, m);
  }
  return m;
}

/** Checks one value against its column; gives the normalised value or the rule broken, in French. */
export function checkValue(column: TargetColumn, raw: string): Checked {
  const v = raw.trim();
  if (v === "") return column.required ? ko("Valeur obligatoire manquante") : ok("");
  switch (column.type) {
    case "text":
      if (column.maxLength && v.length > column.maxLength)
        return ko(`Texte trop long (${v.length} caractères, ${column.maxLength} au plus)`);
      return ok(v);
    case "integer":
      return /^[+-]?\d{1,15}$/.test(v.replace(/[\s\u00a0\u202f]/g, ""))
        ? ok(String(Number(v.replace(/[\s\u00a0\u202f]/g, ""))))
        : ko("Nombre entier attendu");
    case "decimal": {
      const n = parseDecimal(v);
      return n === null ? ko("Nombre décimal attendu (ex. 12,50)") : ok(n);
    }
    case "amount": {
      const n = parseDecimal(v.replace(/\s*(€|EUR)$/i, ""));
      if (n === null || !/^-?\d+(\.\d{1,2})?$/.test(n)) return ko("Montant en euros attendu (ex. 1 234,56)");
      return ok(n);
    }
    case "date": {
      const d = parseFrenchDate(v);
      return d === null ? ko("Date invalide (format attendu jj/mm/aaaa)") : ok(d);
    }
    case "boolean": {
      const b = v.toLowerCase();
      if (TRUE.has(b)) return ok("true");
      if (FALSE.has(b)) return ok("false");
      return ko("Oui ou non attendu");
    }
    case "email":
      return EMAIL.test(v) && v.length <= 254 ? ok(v.toLowerCase()) : ko("Adresse e-mail invalide");
    case "phone": {
      const p = v.replace(/[\s.\-()]/g, "");
      const m = /^(?:\+33|0033|0)([1-9]\d{8})$/.exec(p);
      return m ? ok(`0${m[1]}`) : ko("Numéro de téléphone français invalide (10 chiffres)");
    }
    case "siret": {
      const s = v.replace(/\s/g, "");
      return isSiret(s) ? ok(s) : ko("SIRET invalide (14 chiffres, clé de contrôle)");
    }
    case "insee":
      return /^(\d{5}|2[AB]\d{3})$/i.test(v) ? ok(v.toUpperCase()) : ko("Code INSEE invalide (5 caractères)");
    case "postal_code":
      return /^\d{5}$/.test(v) && !v.startsWith("00") ? ok(v) : ko("Code postal invalide (5 chiffres)");
    case "enum": {
      const found = enumIndex(column).get(v.toLowerCase());
      return found !== undefined
        ? ok(found)
        : ko(`Valeur hors liste (attendu : ${(column.values ?? []).join(", ")})`);
    }
  }
}

export type RowError = { column: string; value: string; rule: string };

/** Checks a row (source values already picked by the mapping, in template column order). */
export function checkRow(
  columns: readonly TargetColumn[],
  crossRules: readonly CrossRule[],
  source: readonly string[],
): { values: string[]; errors: RowError[] } {
  return rowChecker(columns, crossRules)(source);
}

/** checkRow with the cross rules' columns found once: the check run calls it on every row. */
export function rowChecker(
  columns: readonly TargetColumn[],
  crossRules: readonly CrossRule[],
): (source: readonly string[]) => { values: string[]; errors: RowError[] } {
  const rules = crossRules
    .map((rule) => ({
      a: columns.findIndex((c) => c.name === rule.from),
      b: columns.findIndex((c) => c.name === rule.to),
    }))
    .filter((r) => r.a >= 0 && r.b >= 0)
    .map((r) => ({
      ...r,
      rule: `La date « ${columns[r.b]!.label} » doit être postérieure ou égale à « ${columns[r.a]!.label} »`,
    }));
  const n = columns.length;
  return (source) => {
    const values: string[] = new Array<string>(n);
    const errors: RowError[] = [];
    for (let i = 0; i < n; i++) {
      const col = columns[i]!;
      const raw = source[i] ?? "";
      const r = checkValue(col, raw);
      if (r.ok) values[i] = r.value;
      else {
        values[i] = "";
        errors.push({ column: col.label, value: raw, rule: r.rule });
      }
    }
    for (const { a, b, rule } of rules) {
      const from = values[a];
      const to = values[b];
      if (from && to && to < from) errors.push({ column: columns[b]!.label, value: source[b] ?? "", rule });
    }
    return { values, errors };
  };
}

// ─── Files: encoding and delimiter ──────────────────────────────────────────────────────────────

export type Encoding = "utf-8" | "windows-1252";

/** UTF-8 when the sample is valid UTF-8 (BOM or not), else Windows-1252 (Excel's « CSV » on Windows). */
export function detectEncoding(sample: Uint8Array, truncated = false): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  // Ignore a multi-byte character cut at the end of a sample taken from a longer file.
  let end = sample.length;
  for (let k = 1; truncated && k <= 3 && end - k >= 0; k++) {
    const b = sample[end - k]!;
    if ((b & 0xc0) === 0xc0) {
      end -= k;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

export const DELIMITERS = [";", ",", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter that splits the first line (outside quotes) into the most fields; `;` on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === ";" || c === "," || c === "\t")) counts[c]++;
  }
  let best: Delimiter = ";";
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

// ─── Mapping ────────────────────────────────────────────────────────────────────────────────────

/** Lower case, no accents, letters and digits only. */
export function normaliseName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of two names (0..1) after normalisation. */
export function similarity(a: string, b: string): number {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.length > 3 && y.length > 3 && (x.includes(y) || y.includes(x))) return 0.9;
  const bx = bigrams(x);
  const by = bigrams(y);
  const pool = new Map<string, number>();
  for (const g of by) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of bx) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (bx.length + by.length || 1);
}

export type Mapping = Record<string, string>;

/** Proposes a source header for each target column, best matches first, each header used once. */
export function proposeMapping(
  columns: readonly TargetColumn[],
  headers: readonly string[],
  threshold = 0.6,
): Mapping {
  const pairs: { col: string; header: string; score: number }[] = [];
  for (const c of columns)
    for (const h of headers) {
      const score = Math.max(similarity(c.name, h), similarity(c.label, h));
      if (score >= threshold) pairs.push({ col: c.name, header: h, score });
    }
  pairs.sort((a, b) => b.score - a.score);
  const mapping: Mapping = {};
  const used = new Set<string>();
  for (const p of pairs) {
    if (p.col in mapping || used.has(p.header)) continue;
    mapping[p.col] = p.header;
    used.add(p.header);
  }
  return mapping;
}

/** Required target columns with no source column mapped (names). */
export function missingRequired(
  columns: readonly TargetColumn[],
  mapping: Mapping,
  headers: readonly string[],
) {
  return columns.filter((c) => c.required && !(mapping[c.name] && headers.includes(mapping[c.name]!)));
}

/** For each target column, the index of its source column in the file (-1: not mapped). */
export function sourceIndexes(
  columns: readonly TargetColumn[],
  mapping: Mapping,
  headers: readonly string[],
) {
  return columns.map((c) => (mapping[c.name] ? headers.indexOf(mapping[c.name]!) : -1));
}

// ─── Lifecycle ──────────────────────────────────────────────────────────────────────────────────

export const MIGRATION_STATUSES = [
  "planned",
  "files_received",
  "checked",
  "test_loaded",
  "signed_off",
  "loaded",
  "done",
  "failed",
  "cancelled",
] as const;
export type MigrationStatusName = (typeof MIGRATION_STATUSES)[number];

export const isClosed = (s: MigrationStatusName) => s === "done" || s === "failed" || s === "cancelled";

/** A new file can be received until the partner signs off (it sends the job back to « files received »). */
export const canReceiveFile = (s: MigrationStatusName) =>
  s === "planned" || s === "files_received" || s === "checked" || s === "test_loaded";

/** A job is late when its due date has passed and it is not closed. */
export const isLate = (s: MigrationStatusName, dueOn: string | null, today: string) =>
  !!dueOn && dueOn < today && !isClosed(s);

/** Whether the check's counts allow a test load under the chosen bad-row policy. */
export function canTestLoad(
  policy: "all_or_nothing" | "load_valid",
  counts: { valid: number; invalid: number },
) {
  if (counts.valid === 0) return false;
  return policy === "load_valid" || counts.invalid === 0;
}

/** Rows per second and seconds left, from what is done so far (bytes drive the estimate). */
export function progressOf(p: {
  bytesDone: number;
  bytesTotal: number;
  rowsDone: number;
  elapsedMs: number;
}): { percent: number; rowsPerSecond: number; secondsLeft: number | null } {
  const percent = p.bytesTotal > 0 ? Math.min(100, Math.floor((p.bytesDone / p.bytesTotal) * 100)) : 0;
  const rowsPerSecond = p.elapsedMs > 0 ? Math.round((p.rowsDone * 1000) / p.elapsedMs) : 0;
  const bytesPerMs = p.elapsedMs > 0 ? p.bytesDone / p.elapsedMs : 0;
  const secondsLeft = bytesPerMs > 0 ? Math.ceil((p.bytesTotal - p.bytesDone) / bytesPerMs / 1000) : null;
  return { percent, rowsPerSecond, secondsLeft };
}

/** The per-job staging schema: derived from the job's UUID only, never from user input. */
export function stagingSchema(jobId: string): string {
  const hex = jobId.toLowerCase().replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error("bad job id");
  return `migration_${hex}`;
}

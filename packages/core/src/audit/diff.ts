// Which fields changed, as { field: [before, after] }. Secrets never enter the audit trail.
const REDACTED_FIELDS = new Set(["passwordHash", "totpSecret", "totpPending"]);
const IGNORED_FIELDS = new Set(["updatedAt", "createdAt"]);

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function normalise(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value as Json;
}

export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, [Json, Json]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, [Json, Json]> = {};
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = REDACTED_FIELDS.has(key) ? [b === null ? null : "***", a === null ? null : "***"] : [b, a];
  }
  return changes;
}

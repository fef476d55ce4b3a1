// Writes refused by a constraint: how "already done" or "already taken" shows when two processes race.

/** A write refused by a unique constraint (on `field` when given). */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  const e = error as {
    code?: string;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } };
    message?: string;
  } | null;
  if (e?.code !== "P2002") return false;
  if (!field) return true;
  const target = JSON.stringify(e.meta ?? {}) + (e.message ?? "");
  return target.includes(field);
}

/**
 * A write refused by an exclusion constraint (SQLSTATE 23P01, or the constraint named), looked for
 * along the error's causes: Prisma's driver adapter wraps PostgreSQL's error.
 */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = error;
  while (cur && typeof cur === "object" && !seen.has(cur)) {
    seen.add(cur);
    const o = cur as Record<string, unknown>;
    const s = `${String(o.message ?? "")} ${String(o.code ?? "")} ${JSON.stringify(o.meta ?? "")}`;
    if (s.includes("23P01") || s.includes(constraint)) return true;
    cur = o.cause;
  }
  return false;
}

// A write refused by a unique constraint: how "already done" shows when two processes race.
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

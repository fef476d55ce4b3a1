// Writes of the reports: the subscriptions managers define, edit, pause and remove.
import type { Prisma, Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { assertCanSubscribe, unknownBody } from "./policy.ts";
import { findReport } from "./registry.ts";
import type { SubscriptionInput, SubscriptionUpdateInput } from "./schema.ts";

type Checked = { reportId: string; filters: Record<string, string> };

/** The rules shared by creation and edition: a known report and filters, at least one recipient,
 * known bodies, and a body's agents only ever receive reports about their own body. */
async function checkSubscription(
  db: Db,
  input: Omit<SubscriptionInput, "label" | "frequency" | "format">,
): Promise<Checked> {
  const report = findReport(input.reportId);
  if (!report) throw invalid("reportId", "report_unknown");
  if (!input.toManagers && !input.agentsOfBodyId && input.emails.length === 0)
    throw invalid("recipients", "report_no_recipients");
  const filters = Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v !== ""));
  const parsed = (report.filters as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(
    filters,
  );
  if (!parsed.success) throw invalid("filters", "report_unknown");
  const bodyIds = [filters.body, input.agentsOfBodyId].filter((x): x is string => Boolean(x));
  if (bodyIds.length) {
    const found = await db.body.count({ where: { id: { in: bodyIds } } });
    if (found !== new Set(bodyIds).size) throw unknownBody();
  }
  if (input.agentsOfBodyId) {
    if (filters.body && filters.body !== input.agentsOfBodyId) throw invalid("body", "report_other_body");
    filters.body = input.agentsOfBodyId;
  }
  return { reportId: report.id, filters };
}

/** The columns an edition or a creation writes, once checked. */
const columns = (input: Omit<SubscriptionInput, "reportId">, checked: Checked) => ({
  label: input.label,
  filters: checked.filters as Prisma.InputJsonValue,
  frequency: input.frequency,
  endsOn: input.endsOn ? new Date(`${input.endsOn}T00:00:00Z`) : null,
  toManagers: input.toManagers,
  agentsOfBodyId: input.agentsOfBodyId ?? null,
  emails: [...new Set(input.emails)],
  format: input.format,
});

export async function createSubscription(db: Db, actor: Actor, input: SubscriptionInput) {
  assertCanSubscribe(actor);
  const checked = await checkSubscription(db, input);
  return db.reportSubscription.create({
    data: { reportId: checked.reportId, ...columns(input, checked), createdById: actor.userId },
    select: { id: true },
  });
}

/** Edits a subscription. Its report never changes (its sent runs are of that report). A built-in
 * default keeps its scope — who it is about and its core audience: a body's report stays about that
 * body and goes to that body's agents; an all-partners one stays about all partners and goes to the
 * managers (ensureDefaultSubscriptions would not recreate it under its key otherwise). Everything
 * else (label, other filters, frequency, end date, outside addresses, format) may change. */
export async function updateSubscription(db: Db, actor: Actor, input: SubscriptionUpdateInput) {
  assertCanSubscribe(actor);
  const { id, ...rest } = input;
  const s = await db.reportSubscription.findUnique({ where: { id } });
  if (!s) throw notFound("subscription");
  const stored = s.filters as Record<string, string>;
  if (s.builtin) {
    const body = rest.agentsOfBodyId ?? (rest.filters.body || undefined);
    const scopeKept =
      (rest.agentsOfBodyId ?? null) === s.agentsOfBodyId &&
      (body ?? null) === (stored.body ?? null) &&
      rest.toManagers === s.toManagers;
    if (!scopeKept) throw invalid("recipients", "report_builtin_scope");
  }
  const checked = await checkSubscription(db, { ...rest, reportId: s.reportId });
  await db.reportSubscription.update({ where: { id }, data: columns(rest, checked) });
  return { id };
}

/** Pauses (the worker skips it) or resumes a subscription. On resume, the last complete period is
 * sent at the next pass if it was not yet (never more than that one: no back-filling). */
export async function pauseSubscription(db: Db, actor: Actor, id: string, paused: boolean, now: Date) {
  assertCanSubscribe(actor);
  const s = await db.reportSubscription.findUnique({ where: { id }, select: { pausedAt: true } });
  if (!s) throw notFound("subscription");
  if (paused === (s.pausedAt !== null)) return { id };
  await db.reportSubscription.update({ where: { id }, data: { pausedAt: paused ? now : null } });
  return { id };
}

/** Removes a subscription (its sent reports go with it); a built-in default cannot be removed. */
export async function removeSubscription(db: Db, actor: Actor, id: string) {
  assertCanSubscribe(actor);
  const s = await db.reportSubscription.findUnique({ where: { id }, select: { builtin: true } });
  if (!s) throw notFound("subscription");
  if (s.builtin) throw invalid("id", "report_builtin");
  await db.reportSubscription.delete({ where: { id } });
}

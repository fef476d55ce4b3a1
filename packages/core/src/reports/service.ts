// Writes of the reports: the subscriptions managers define.
import type { Prisma, Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { assertCanSubscribe, unknownBody } from "./policy.ts";
import { findReport } from "./registry.ts";
import type { SubscriptionInput } from "./schema.ts";

export async function createSubscription(db: Db, actor: Actor, input: SubscriptionInput) {
  assertCanSubscribe(actor);
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
  // A body's agents only ever receive reports about their own body.
  if (input.agentsOfBodyId) {
    if (filters.body && filters.body !== input.agentsOfBodyId) throw invalid("body", "report_other_body");
    filters.body = input.agentsOfBodyId;
  }
  return db.reportSubscription.create({
    data: {
      reportId: report.id,
      label: input.label,
      filters: filters as Prisma.InputJsonValue,
      frequency: input.frequency,
      endsOn: input.endsOn ? new Date(`${input.endsOn}T00:00:00Z`) : null,
      toManagers: input.toManagers,
      agentsOfBodyId: input.agentsOfBodyId ?? null,
      emails: [...new Set(input.emails)],
      format: input.format,
      createdById: actor.userId,
    },
    select: { id: true },
  });
}

/** Removes a subscription (its sent reports go with it); a built-in default cannot be removed. */
export async function removeSubscription(db: Db, actor: Actor, id: string) {
  assertCanSubscribe(actor);
  const s = await db.reportSubscription.findUnique({ where: { id }, select: { builtin: true } });
  if (!s) throw notFound("subscription");
  if (s.builtin) throw invalid("id", "report_builtin");
  await db.reportSubscription.delete({ where: { id } });
}

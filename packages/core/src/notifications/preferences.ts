// Each person chooses which notifications they get by e-mail, and in which language.
import type { Db, DbTx } from "@mutuo/db";
import { z } from "zod";
import { recordAudit } from "../audit/index.ts";
import type { Actor } from "../access/index.ts";

export const CATEGORIES = [
  "new_tickets",
  "ticket_updates",
  "assignments",
  "sla_alerts",
  "convention_alerts",
  "daily_digest",
] as const;
export type Category = (typeof CATEGORIES)[number];
const DEFAULTS: Record<Category, boolean> = {
  new_tickets: true,
  ticket_updates: true,
  assignments: true,
  sla_alerts: true,
  convention_alerts: true,
  daily_digest: false,
};

const byTemplate: Record<string, Category> = {
  "ticket.new": "new_tickets",
  "ticket.reply": "ticket_updates",
  "ticket.status": "ticket_updates",
  "ticket.assigned": "assignments",
  "ticket.partner-reply": "assignments",
  "ticket.sla-warning": "sla_alerts",
  "ticket.sla-breach": "sla_alerts",
  "convention.ending": "convention_alerts",
  "ticket.digest": "daily_digest",
  "ticket.waiting": "ticket_updates",
  "ticket.waiting-reminder": "ticket_updates",
  "ticket.waiting-closed": "ticket_updates",
  "ticket.waiting-due": "assignments",
};

/** The category a template belongs to; null: always sent (e.g. the acknowledgement of a request). */
export const categoryOf = (template: string): Category | null => byTemplate[template] ?? null;

export function preferencesOf(raw: unknown): Record<Category, boolean> {
  const stored = (raw && typeof raw === "object" ? raw : {}) as Partial<Record<Category, unknown>>;
  return Object.fromEntries(
    CATEGORIES.map((c) => [c, typeof stored[c] === "boolean" ? stored[c] : DEFAULTS[c]]),
  ) as Record<Category, boolean>;
}

export async function wants(tx: DbTx, userId: string | null | undefined, template: string): Promise<boolean> {
  const category = categoryOf(template);
  if (!userId || !category) return true;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { notifyPrefs: true } });
  return preferencesOf(user?.notifyPrefs)[category];
}

export const preferencesInput = z.object({
  locale: z.enum(["fr", "en"]),
  // A category left out keeps its current value (forms and clients that predate it).
  categories: z
    .object(Object.fromEntries(CATEGORIES.map((c) => [c, z.boolean()])) as Record<Category, z.ZodBoolean>)
    .partial(),
});

export async function getPreferences(db: Db, actor: Actor) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { locale: true, notifyPrefs: true },
  });
  return { locale: u.locale === "en" ? "en" : "fr", categories: preferencesOf(u.notifyPrefs) };
}

export async function setPreferences(db: Db, actor: Actor, raw: z.input<typeof preferencesInput>) {
  const input = preferencesInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { locale: true, notifyPrefs: true },
    });
    const categories = { ...preferencesOf(before.notifyPrefs), ...input.categories };
    await tx.user.update({
      where: { id: actor.userId },
      data: { locale: input.locale, notifyPrefs: categories },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "User",
      entityId: actor.userId,
      action: "update",
      before: { locale: before.locale, ...preferencesOf(before.notifyPrefs) },
      after: { locale: input.locale, ...categories },
    });
    return { locale: input.locale, categories };
  });
}

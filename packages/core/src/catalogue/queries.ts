import type { Db } from "@mutuo/db";
import { z } from "zod";
import { notFound } from "../errors/index.ts";
import { requireRole, type Actor } from "../access/index.ts";
import { PRIORITIES } from "../terms/index.ts";

export const listServicesInput = z.object({ activeOnly: z.boolean().default(true) });

export async function listServices(db: Db, raw: z.input<typeof listServicesInput> = {}) {
  const input = listServicesInput.parse(raw);
  return db.service.findMany({
    where: input.activeOnly ? { active: true } : {},
    select: { id: true, code: true, name: true, description: true, active: true, lendsEquipment: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function countActiveServices(db: Db): Promise<number> {
  return db.service.count({ where: { active: true } });
}

/** A service and its default terms: public, like the catalogue (no personal or partner data). */
export async function getService(db: Db, id: string) {
  const s = await db.service.findUnique({
    where: { id },
    include: {
      termSets: {
        where: { versionId: null },
        include: { calendar: { select: { id: true, name: true } }, targets: true },
      },
    },
  });
  if (!s) throw notFound("service");
  // The team address is the DSI's business: the catalogue is public (see getServiceAlerts).
  const { termSets, createdAt: _c, updatedAt: _u, alertEmail: _a, ...rest } = s;
  const defaults = termSets[0] ?? null;
  if (defaults)
    defaults.targets.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority));
  return { ...rest, defaultTerms: defaults };
}

/** Who is alerted of a service's new tickets, and the staff who could be (managers and admins edit it). */
export async function getServiceAlerts(db: Db, actor: Actor, id: string) {
  requireRole(actor, "manager", "admin");
  const s = await db.service.findUnique({
    where: { id },
    select: { alertEmail: true, alertRecipients: { select: { userId: true } } },
  });
  if (!s) throw notFound("service");
  const staff = await db.user.findMany({
    where: { role: { not: "agent" }, active: true, anonymisedAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return { alertEmail: s.alertEmail, alertUserIds: s.alertRecipients.map((r) => r.userId), staff };
}

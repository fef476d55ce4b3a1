// The service catalogue: managers and admins maintain services and their default terms.
import type { Db, DbTx, Service } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { requireRole } from "../access/index.ts";
import { replaceTermSet, termSetSnapshot } from "../terms/index.ts";
import { defaultTermsInput, serviceInput, type ServiceInput } from "./schema.ts";
import type { z } from "zod";

const fields = (s: Service) => ({
  code: s.code,
  name: s.name,
  description: s.description,
  active: s.active,
  lendsEquipment: s.lendsEquipment,
});

/** The team address and technicians alerted of the service's new tickets, as the input says. */
async function saveAlerts(tx: DbTx, serviceId: string, input: z.output<typeof serviceInput>) {
  if (input.alertEmail !== undefined)
    await tx.service.update({ where: { id: serviceId }, data: { alertEmail: input.alertEmail || null } });
  if (input.alertUserIds === undefined) return;
  const ids = [...new Set(input.alertUserIds)];
  const staff = await tx.user.count({ where: { id: { in: ids }, role: { not: "agent" }, active: true } });
  if (staff !== ids.length) throw invalid("alertUserIds", "unknown_technician");
  await tx.serviceAlertRecipient.deleteMany({ where: { serviceId } });
  await tx.serviceAlertRecipient.createMany({ data: ids.map((userId) => ({ serviceId, userId })) });
}

const alertsOf = async (tx: DbTx, serviceId: string) => ({
  alertEmail:
    (await tx.service.findUnique({ where: { id: serviceId }, select: { alertEmail: true } }))?.alertEmail ??
    null,
  alertUserIds: (await tx.serviceAlertRecipient.findMany({ where: { serviceId }, select: { userId: true } }))
    .map((r) => r.userId)
    .sort(),
});

export async function createService(db: Db, actor: Actor, raw: ServiceInput) {
  requireRole(actor, "manager", "admin");
  const input = serviceInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (await tx.service.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw conflict("service_code_used", "code");
    const { alertEmail: _e, alertUserIds: _u, ...data } = input;
    const s = await tx.service.create({ data });
    await saveAlerts(tx, s.id, input);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Service",
      entityId: s.id,
      action: "create",
      after: { ...fields(s), ...(await alertsOf(tx, s.id)) },
    });
    return s;
  });
}

export async function updateService(db: Db, actor: Actor, id: string, raw: ServiceInput) {
  requireRole(actor, "manager", "admin");
  const input = serviceInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { id } });
    if (!before) throw notFound("service");
    const other = await tx.service.findUnique({ where: { code: input.code }, select: { id: true } });
    if (other && other.id !== id) throw conflict("service_code_used", "code");
    const alertsBefore = await alertsOf(tx, id);
    const { alertEmail: _e, alertUserIds: _u, ...data } = input;
    const s = await tx.service.update({ where: { id }, data });
    await saveAlerts(tx, id, input);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Service",
      entityId: id,
      action: "update",
      before: { ...fields(before), ...alertsBefore },
      after: { ...fields(s), ...(await alertsOf(tx, id)) },
    });
    return s;
  });
}

/** The terms that apply to a service's tickets when no convention sets them. */
export async function setDefaultTerms(db: Db, actor: Actor, raw: z.input<typeof defaultTermsInput>) {
  requireRole(actor, "manager", "admin");
  const input = defaultTermsInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true } })))
      throw notFound("service");
    const previous = await tx.termSet.findFirst({
      where: { serviceId: input.serviceId, versionId: null },
      include: { targets: true },
    });
    const set = await replaceTermSet(tx, { versionId: null, serviceId: input.serviceId }, input.terms);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Service",
      entityId: input.serviceId,
      action: "update",
      before: previous ? termSetSnapshot(previous) : {},
      after: termSetSnapshot(set),
    });
    return set;
  });
}

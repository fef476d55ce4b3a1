// The service catalogue: managers and admins maintain services and their default terms.
import type { Db, Service } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, notFound } from "../errors/index.ts";
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

export async function createService(db: Db, actor: Actor, raw: ServiceInput) {
  requireRole(actor, "manager", "admin");
  const input = serviceInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (await tx.service.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw conflict("service_code_used", "code");
    const s = await tx.service.create({ data: input });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Service",
      entityId: s.id,
      action: "create",
      after: fields(s),
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
    const s = await tx.service.update({ where: { id }, data: input });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Service",
      entityId: id,
      action: "update",
      before: fields(before),
      after: fields(s),
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

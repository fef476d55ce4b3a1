// The registry of bodies: managers and admins create and edit; everyone sees what the isolation
// rule lets them see.
import type { Body, Db, DbTx } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { assertBodyVisible, canManageBodies, requireRole } from "../access/index.ts";
import { bodyInput, type BodyInput } from "./schema.ts";

function fields(b: Body) {
  const { createdAt: _c, updatedAt: _u, ...rest } = b;
  return rest;
}

async function checkCommune(tx: DbTx, communeId: string | null | undefined): Promise<void> {
  if (!communeId) return;
  const commune = await tx.body.findUnique({ where: { id: communeId }, select: { kind: true } });
  if (commune?.kind !== "commune") throw invalid("communeId", "not a commune");
}

async function checkSiretFree(tx: DbTx, siret: string, exceptId?: string): Promise<void> {
  const other = await tx.body.findUnique({ where: { siret }, select: { id: true } });
  if (other && other.id !== exceptId) throw conflict("siret already registered", "siret");
}

export async function createBody(
  db: Db,
  actor: Actor,
  raw: BodyInput,
  channel: "web" | "system" = "web",
  tx?: DbTx,
): Promise<Body> {
  requireRole(actor, "manager", "admin");
  const input = bodyInput.parse(raw);
  const run = async (t: DbTx) => {
    await checkCommune(t, input.communeId);
    await checkSiretFree(t, input.siret);
    const body = await t.body.create({ data: input });
    await recordAudit(t, {
      actor,
      channel,
      entityType: "Body",
      entityId: body.id,
      bodyId: body.id,
      action: "create",
      after: fields(body),
    });
    return body;
  };
  return tx ? run(tx) : db.$transaction(run);
}

export async function updateBody(db: Db, actor: Actor, id: string, raw: BodyInput): Promise<Body> {
  requireRole(actor, "manager", "admin");
  const input = bodyInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.body.findUnique({ where: { id } });
    if (!before) throw notFound("body");
    if (before.kind === "provider")
      throw invalid("kind", "the provider body is edited by administrators only");
    if (input.communeId === id) throw invalid("communeId", "a body cannot belong to itself");
    await checkCommune(tx, input.communeId);
    await checkSiretFree(tx, input.siret, id);
    const body = await tx.body.update({ where: { id }, data: input });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Body",
      entityId: id,
      bodyId: id,
      action: "update",
      before: fields(before),
      after: fields(body),
    });
    return body;
  });
}

/** A body's page: its details and people, for those who may see it. */
export async function getBody(db: Db, actor: Actor, id: string) {
  assertBodyVisible(actor, id, "body");
  const body = await db.body.findUnique({
    where: { id },
    include: {
      commune: { select: { id: true, legalName: true } },
      dependents: { select: { id: true, legalName: true, kind: true }, orderBy: { legalName: "asc" } },
      memberships: {
        where: { user: { anonymisedAt: null } },
        select: { user: { select: { id: true, name: true, email: true, role: true, active: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!body) throw notFound("body");
  const { memberships, ...rest } = body;
  return {
    ...rest,
    people: memberships.map((m) => m.user),
    canEdit: canManageBodies(actor) && body.kind !== "provider",
  };
}

/** Communes, for the "belongs to" choice of a CCAS/CIAS. */
export async function listCommunes(db: Db, actor: Actor) {
  requireRole(actor, "technician", "manager", "admin");
  return db.body.findMany({
    where: { kind: "commune" },
    select: { id: true, legalName: true },
    orderBy: { legalName: "asc" },
  });
}

import type { AuditAction, AuditChannel, DbTx, Prisma } from "@mutuo/db";
import { isPerson, type AnyActor } from "../access/index.ts";
import { diffFields } from "./diff.ts";

export interface AuditEntry {
  actor: AnyActor;
  channel: AuditChannel;
  entityType: string;
  entityId: string;
  bodyId?: string | null;
  action: AuditAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Records a change, in the caller's transaction so the change and its history commit together. */
export async function recordAudit(tx: DbTx, e: AuditEntry): Promise<void> {
  const changes = diffFields(e.before ?? null, e.after ?? null);
  if (e.action === "update" && Object.keys(changes).length === 0) return;
  await tx.auditEvent.create({
    data: {
      actorId: isPerson(e.actor) ? e.actor.userId : null,
      actorLabel: isPerson(e.actor) ? e.actor.name : e.actor.system,
      channel: e.channel,
      entityType: e.entityType,
      entityId: e.entityId,
      bodyId: e.bodyId ?? null,
      action: e.action,
      changes: changes as Prisma.InputJsonValue,
    },
  });
}

// Writing canned replies: create, edit (including sharing or unsharing), delete.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { forbidden } from "../errors/index.ts";
import { assertCanEdit, canManageShared, requireStaffMember } from "./policy.ts";
import { cannedReplyIdInput, createCannedReplyInput, updateCannedReplyInput } from "./schema.ts";
import type { z } from "zod";

const ownerFor = (actor: Actor, shared: boolean) => {
  if (shared && !canManageShared(actor)) throw forbidden("shared replies: managers only");
  return shared ? null : actor.userId;
};

export async function createCannedReply(db: Db, actor: Actor, raw: z.input<typeof createCannedReplyInput>) {
  requireStaffMember(actor);
  const input = createCannedReplyInput.parse(raw);
  return db.cannedReply.create({
    data: { title: input.title, body: input.body, ownerId: ownerFor(actor, input.shared) },
  });
}

export async function updateCannedReply(db: Db, actor: Actor, raw: z.input<typeof updateCannedReplyInput>) {
  requireStaffMember(actor);
  const input = updateCannedReplyInput.parse(raw);
  return db.$transaction(async (tx) => {
    const reply = await tx.cannedReply.findUnique({ where: { id: input.id }, select: { ownerId: true } });
    assertCanEdit(actor, reply);
    return tx.cannedReply.update({
      where: { id: input.id },
      data: { title: input.title, body: input.body, ownerId: ownerFor(actor, input.shared) },
    });
  });
}

export async function deleteCannedReply(db: Db, actor: Actor, raw: z.input<typeof cannedReplyIdInput>) {
  requireStaffMember(actor);
  const input = cannedReplyIdInput.parse(raw);
  return db.$transaction(async (tx) => {
    const reply = await tx.cannedReply.findUnique({ where: { id: input.id }, select: { ownerId: true } });
    assertCanEdit(actor, reply);
    await tx.cannedReply.delete({ where: { id: input.id } });
    return { ok: true };
  });
}

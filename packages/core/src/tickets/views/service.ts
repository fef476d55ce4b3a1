// Saving, renaming and deleting queue views. A name is unique among a person's own views and
// among shared views (partial unique indexes); a clash is reported on the name field.
import type { Db } from "@mutuo/db";
import type { Actor } from "../../access/index.ts";
import { invalid } from "../../errors/index.ts";
import { isUniqueViolation } from "../../shared/unique.ts";
import { assertViewEditable, requireMayCreate } from "./policy.ts";
import {
  createViewInput,
  renameViewInput,
  viewIdInput,
  filterParams,
  type CreateViewInput,
} from "./schema.ts";
import type { z } from "zod";

async function named<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid("name", "view_name_taken");
    throw error;
  }
}

export async function createQueueView(db: Db, actor: Actor, raw: CreateViewInput) {
  const input = createViewInput.parse(raw);
  requireMayCreate(actor, input.shared);
  return named(
    db.queueView.create({
      data: {
        ownerId: actor.userId,
        shared: input.shared,
        name: input.name,
        filters: filterParams(input.filters),
        columns: input.columns,
      },
      select: { id: true, name: true, shared: true },
    }),
  );
}

export async function renameQueueView(db: Db, actor: Actor, raw: z.input<typeof renameViewInput>) {
  const input = renameViewInput.parse(raw);
  assertViewEditable(actor, await db.queueView.findUnique({ where: { id: input.id } }));
  return named(
    db.queueView.update({
      where: { id: input.id },
      data: { name: input.name },
      select: { id: true, name: true, shared: true },
    }),
  );
}

export async function deleteQueueView(db: Db, actor: Actor, raw: z.input<typeof viewIdInput>) {
  const input = viewIdInput.parse(raw);
  assertViewEditable(actor, await db.queueView.findUnique({ where: { id: input.id } }));
  await db.queueView.deleteMany({ where: { id: input.id } });
  return { id: input.id };
}

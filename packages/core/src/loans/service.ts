// Loans: creation (assets booked, the database refusing overlaps), the inventory and the return
// report, service start, cancellation. Every change goes through mutateLoan (row lock).
import type { Db, DbTx, Prisma } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { canSeeBody } from "../access/index.ts";
import { inForceOn, lastDay, localToday, type ConventionDates } from "../conventions/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import { nextCounter } from "../shared/counter.ts";
import {
  findConflict,
  conflictError,
  insertBookings,
  releaseBookings,
  withBookingConflicts,
} from "./bookings.ts";
import { asInventory, asReturn, prefilledInventory } from "./content.ts";
import { setAssetCustody } from "../assets/index.ts";
import { mutateLoan, TX } from "./mutate.ts";
import { requireLoanStaff } from "./policy.ts";
import {
  checkLoanPeriod,
  returnDifferences,
  returnFromInventory,
  wipesMissing,
  type InventoryContent,
  type ReturnContent,
} from "./rules.ts";
import { createLoanInput, inventoryInput, returnInput, type CreateLoanInput } from "./schema.ts";
import type { z } from "zod";

// A lent asset may be booked for a later period; the bookings say whether the periods overlap.
const UNAVAILABLE = ["in_repair", "lost", "stolen", "retired"];

/** The assets a selection brings: each asset, and for a kit its items. */
async function withKitItems(tx: DbTx, assetIds: string[]) {
  const chosen = await tx.asset.findMany({
    where: { OR: [{ id: { in: assetIds } }, { kitId: { in: assetIds } }] },
    select: { id: true, tag: true, status: true, kitId: true },
  });
  if (chosen.filter((a) => assetIds.includes(a.id)).length !== new Set(assetIds).size)
    throw invalid("assetIds", "invalid");
  return chosen;
}

export function conventionDates(c: {
  status: string;
  startDate: Date;
  endDate: Date | null;
  noticeEffectiveOn: Date | null;
  terminatedOn: Date | null;
}): ConventionDates {
  return {
    status: c.status as ConventionDates["status"],
    startDate: dateOnly(c.startDate),
    endDate: c.endDate ? dateOnly(c.endDate) : null,
    noticeEffectiveOn: c.noticeEffectiveOn ? dateOnly(c.noticeEffectiveOn) : null,
    terminatedOn: c.terminatedOn ? dateOnly(c.terminatedOn) : null,
  };
}

export async function createLoan(db: Db, actor: Actor, raw: CreateLoanInput, now = new Date()) {
  requireLoanStaff(actor);
  const input = createLoanInput.parse(raw);
  const convention = await db.convention.findUnique({ where: { id: input.conventionId } });
  if (!convention || convention.signatoryBodyId !== input.bodyId)
    throw invalid("conventionId", "loan_convention_not_in_force");
  const dates = conventionDates(convention);
  const problem = checkLoanPeriod(input, {
    inForceOnStart: inForceOn(dates, input.startDate),
    lastDay: lastDay(dates),
  });
  if (problem) throw invalid(problem.field, problem.message);
  let booked: string[] = input.assetIds;
  return withBookingConflicts(
    db,
    () =>
      db.$transaction(async (tx) => {
        const assets = await withKitItems(tx, input.assetIds);
        booked = assets.map((a) => a.id);
        const busy = assets.find((a) => UNAVAILABLE.includes(a.status));
        if (busy) {
          const c = await findConflict(tx, [busy.id], input.startDate, input.endDate);
          if (c) throw conflictError(c);
          throw invalid("assetIds", "asset_not_available", { asset: busy.tag });
        }
        const year = input.startDate.slice(0, 4);
        const number = `PRT-${year}-${String(await nextCounter(tx, `loan:${year}`)).padStart(4, "0")}`;
        const loan = await tx.loan.create({
          data: {
            number,
            bodyId: input.bodyId,
            conventionId: convention.id,
            startDate: fromDateOnly(input.startDate),
            endDate: fromDateOnly(input.endDate),
            address: input.address,
            contactName: input.contactName,
            contactPhone: input.contactPhone,
            notes: input.notes,
            createdById: actor.userId || null,
            createdAt: now,
            items: { create: assets.map((a) => ({ assetId: a.id, kitId: a.kitId })) },
          },
        });
        await insertBookings(tx, booked, { loanId: loan.id }, input.startDate, input.endDate);
        await tx.loanDocument.create({
          data: {
            loanId: loan.id,
            kind: "inventory",
            version: 1,
            content: (await prefilledInventory(tx, booked)) as unknown as Prisma.InputJsonValue,
          },
        });
        await setAssetCustody(tx, {
          assetIds: assets.filter((a) => a.status === "in_stock").map((a) => a.id),
          status: "reserved",
          kind: "loan_created",
          data: { loanId: loan.id, number },
          actorId: actor.userId,
          at: now,
          withKitItems: false,
        });
        return loan;
      }, TX),
    { assetIds: () => booked, startDate: input.startDate, endDate: input.endDate },
  );
}

/** The current (latest) version of a loan's document of a kind. */
export async function currentDocument(tx: DbTx, loanId: string, kind: "inventory" | "return_report") {
  return tx.loanDocument.findFirst({
    where: { loanId, kind },
    orderBy: { version: "desc" },
    include: { signOffs: true },
  });
}

/** Writes new content: into the current version if not frozen (its validations dropped), else a new version. */
async function writeDocument(
  tx: DbTx,
  loanId: string,
  kind: "inventory" | "return_report",
  content: InventoryContent | ReturnContent,
) {
  const doc = await currentDocument(tx, loanId, kind);
  const json = content as unknown as Prisma.InputJsonValue;
  if (doc && !doc.frozenAt) {
    await tx.loanSignOff.deleteMany({ where: { documentId: doc.id } });
    return tx.loanDocument.update({ where: { id: doc.id }, data: { content: json } });
  }
  return tx.loanDocument.create({
    data: { loanId, kind, version: (doc?.version ?? 0) + 1, content: json },
  });
}

export async function saveInventory(db: Db, actor: Actor, raw: z.input<typeof inventoryInput>) {
  requireLoanStaff(actor);
  const input = inventoryInput.parse(raw);
  return mutateLoan(db, actor, input.loanId, "editInventory", async (tx, loan) => {
    const doc = await currentDocument(tx, loan.id, "inventory");
    if (!doc) throw notFound("document");
    const before = asInventory(doc.content);
    const byId = new Map(input.items.map((i) => [i.assetId, i]));
    const content: InventoryContent = {
      items: before.items.map((i) => {
        const edit = byId.get(i.assetId);
        return edit
          ? { ...i, condition: edit.condition, accessories: edit.accessories, remark: edit.remark }
          : i;
      }),
      accessories: input.accessories,
      tests: input.tests,
    };
    const saved = await writeDocument(tx, loan.id, "inventory", content);
    // A change to a signed inventory is a new version: both parties validate it again.
    if (loan.status === "inventory_signed")
      await tx.loan.update({ where: { id: loan.id }, data: { status: "draft" } });
    return saved;
  });
}

export async function startService(db: Db, actor: Actor, loanId: string, now = new Date()) {
  requireLoanStaff(actor);
  return mutateLoan(db, actor, loanId, "startService", async (tx, loan) => {
    const items = await tx.loanItem.findMany({ where: { loanId }, select: { assetId: true } });
    await setAssetCustody(tx, {
      assetIds: items.map((i) => i.assetId),
      status: "lent",
      bodyId: loan.bodyId,
      location: loan.address,
      kind: "loan_in_service",
      data: { loanId, number: loan.number },
      actorId: actor.userId,
      at: now,
      withKitItems: false,
    });
    return tx.loan.update({ where: { id: loanId }, data: { status: "in_service", inServiceAt: now } });
  });
}

export async function startReturn(db: Db, actor: Actor, loanId: string) {
  requireLoanStaff(actor);
  return mutateLoan(db, actor, loanId, "startReturn", async (tx, loan) => {
    const inv = await tx.loanDocument.findFirst({
      where: { loanId, kind: "inventory", frozenAt: { not: null } },
      orderBy: { version: "desc" },
    });
    if (!inv) throw invalid("status", "loan_wrong_status", { status: loan.status });
    const existing = await currentDocument(tx, loanId, "return_report");
    if (!existing)
      await writeDocument(
        tx,
        loanId,
        "return_report",
        returnFromInventory(asInventory(inv.content), inv.version),
      );
    return tx.loan.update({ where: { id: loanId }, data: { status: "return_in_progress" } });
  });
}

export async function saveReturn(db: Db, actor: Actor, raw: z.input<typeof returnInput>) {
  requireLoanStaff(actor);
  const input = returnInput.parse(raw);
  return mutateLoan(db, actor, input.loanId, "editReturn", async (tx, loan) => {
    const doc = await currentDocument(tx, loan.id, "return_report");
    if (!doc) throw notFound("document");
    const before = asReturn(doc.content);
    const byId = new Map(input.items.map((i) => [i.assetId, i]));
    const byLabel = new Map(input.accessories.map((a) => [a.label, a]));
    const content: ReturnContent = {
      ...before,
      items: before.items.map((i) => {
        const e = byId.get(i.assetId);
        if (!e) return i;
        const wiped = e.wipeMethod && e.wipeBy && e.wipeAt;
        return {
          ...i,
          outcome: e.outcome,
          remark: e.remark,
          wipe: wiped ? { method: e.wipeMethod, by: e.wipeBy, at: e.wipeAt } : null,
        };
      }),
      accessories: before.accessories.map((a) => {
        const e = byLabel.get(a.label);
        return e ? { ...a, returned: e.returned, remark: e.remark } : a;
      }),
    };
    return writeDocument(tx, loan.id, "return_report", content);
  });
}

/** Once both parties validated the return report: assets back to stock (or repair), bookings released. */
export async function completeReturn(
  tx: DbTx,
  actor: Actor,
  loanId: string,
  content: ReturnContent,
  now: Date,
) {
  const missingWipes = wipesMissing(content);
  if (missingWipes.length) throw invalid("wipe", "wipe_required", { assets: missingWipes.join(", ") });
  const groups = { in_stock: [] as string[], in_repair: [] as string[], lost: [] as string[] };
  for (const i of content.items)
    groups[i.outcome === "same" ? "in_stock" : i.outcome === "damaged" ? "in_repair" : "lost"].push(
      i.assetId,
    );
  const diffs = returnDifferences(content).length;
  for (const [status, ids] of Object.entries(groups) as [keyof typeof groups, string[]][])
    await setAssetCustody(tx, {
      assetIds: ids,
      status,
      bodyId: null,
      location: "",
      kind: "loan_returned",
      data: { loanId, differences: diffs },
      actorId: actor.userId,
      at: now,
      withKitItems: false,
    });
  for (const i of content.items.filter((x) => x.wipe))
    await tx.assetEvent.create({
      data: {
        assetId: i.assetId,
        kind: "wiped",
        data: i.wipe!,
        actorId: actor.userId || null,
        createdAt: now,
      },
    });
  await releaseBookings(tx, { loanId });
  await tx.loan.update({ where: { id: loanId }, data: { status: "returned", returnedAt: now } });
}

export async function cancelLoan(db: Db, actor: Actor, loanId: string, now = new Date()) {
  requireLoanStaff(actor);
  return mutateLoan(db, actor, loanId, "cancel", async (tx, loan) => {
    const items = await tx.loanItem.findMany({ where: { loanId }, select: { assetId: true } });
    await releaseBookings(tx, { loanId });
    await setAssetCustody(tx, {
      assetIds: items.map((i) => i.assetId),
      status: "in_stock",
      kind: "loan_cancelled",
      data: { loanId, number: loan.number },
      actorId: actor.userId,
      at: now,
      withKitItems: false,
    });
    return tx.loan.update({ where: { id: loanId }, data: { status: "cancelled" } });
  });
}

/** Whether the actor may act for the loan's borrower (an agent of that body). */
export const actsForBorrower = (actor: Actor, bodyId: string) =>
  actor.role === "agent" && canSeeBody(actor, bodyId);

export { localToday };

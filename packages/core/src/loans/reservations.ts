// Reservations of lendable assets (crisis kits) for future dates. The booking table's exclusion
// constraint decides between two technicians booking the same kit at the same time: one wins, the
// other is told which loan or reservation holds it.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { localToday } from "../conventions/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { fromDateOnly } from "../shared/dates.ts";
import { insertBookings, releaseBookings, withBookingConflicts } from "./bookings.ts";
import { requireLoanStaff } from "./policy.ts";
import { reserveInput } from "./schema.ts";
import { TX } from "./mutate.ts";
import type { z } from "zod";

export async function reserveAsset(
  db: Db,
  actor: Actor,
  raw: z.input<typeof reserveInput>,
  now = new Date(),
) {
  requireLoanStaff(actor);
  const input = reserveInput.parse(raw);
  if (input.endDate < input.startDate) throw invalid("endDate", "loan_end_before_start");
  if (input.startDate < localToday(now)) throw invalid("startDate", "date_in_past");
  let assetIds = [input.assetId];
  return withBookingConflicts(
    db,
    () =>
      db.$transaction(async (tx) => {
        const asset = await tx.asset.findUnique({
          where: { id: input.assetId },
          select: { id: true, tag: true, status: true, items: { select: { id: true } } },
        });
        if (!asset) throw invalid("assetId", "invalid");
        if (["lost", "stolen", "retired"].includes(asset.status))
          throw invalid("assetId", "asset_not_available", { asset: asset.tag });
        if (
          input.bodyId &&
          !(await tx.body.findUnique({ where: { id: input.bodyId }, select: { id: true } }))
        )
          throw invalid("bodyId", "invalid");
        assetIds = [asset.id, ...asset.items.map((i) => i.id)];
        const r = await tx.assetReservation.create({
          data: {
            assetId: asset.id,
            bodyId: input.bodyId ?? null,
            startDate: fromDateOnly(input.startDate),
            endDate: fromDateOnly(input.endDate),
            purpose: input.purpose,
            createdById: actor.userId || null,
            createdAt: now,
          },
        });
        await insertBookings(tx, assetIds, { reservationId: r.id }, input.startDate, input.endDate);
        await tx.assetEvent.create({
          data: {
            assetId: asset.id,
            kind: "reservation_created",
            data: { reservationId: r.id, startDate: input.startDate, endDate: input.endDate },
            actorId: actor.userId || null,
            createdAt: now,
          },
        });
        return r;
      }, TX),
    { assetIds: () => assetIds, startDate: input.startDate, endDate: input.endDate },
  );
}

export async function cancelReservation(db: Db, actor: Actor, id: string, now = new Date()) {
  requireLoanStaff(actor);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "AssetReservation" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const r = await tx.assetReservation.findUnique({ where: { id } });
    if (!r) throw notFound("reservation");
    if (r.cancelledAt) return r;
    await releaseBookings(tx, { reservationId: id });
    await tx.assetEvent.create({
      data: {
        assetId: r.assetId,
        kind: "reservation_cancelled",
        data: { reservationId: id },
        actorId: actor.userId || null,
        createdAt: now,
      },
    });
    return tx.assetReservation.update({ where: { id }, data: { cancelledAt: now } });
  }, TX);
}

// Bookings of assets over a period, for loans and reservations. The database refuses overlaps
// (EXCLUDE USING gist on asset and period): a concurrent booking loses with SQLSTATE 23P01, which
// becomes a French error naming the loan or reservation that holds the asset.
import type { Db, DbTx } from "@mutuo/db";
import { DomainError } from "../errors/index.ts";
import { isExclusionViolation } from "../shared/unique.ts";
import { dayAfter } from "./rules.ts";

export async function insertBookings(
  tx: DbTx,
  assetIds: string[],
  owner: { loanId: string } | { reservationId: string },
  startDate: string,
  endDate: string,
): Promise<void> {
  if (assetIds.length === 0) return;
  const loanId = "loanId" in owner ? owner.loanId : null;
  const reservationId = "reservationId" in owner ? owner.reservationId : null;
  await tx.$executeRaw`
    INSERT INTO "AssetBooking" ("id", "assetId", "loanId", "reservationId", "period", "active")
    SELECT gen_random_uuid(), a, ${loanId}::uuid, ${reservationId}::uuid,
           daterange(${startDate}::date, ${dayAfter(endDate)}::date, '[)'), true
    FROM unnest(${assetIds}::uuid[]) AS a`;
}

export async function releaseBookings(tx: DbTx, owner: { loanId: string } | { reservationId: string }) {
  if ("loanId" in owner)
    await tx.$executeRaw`UPDATE "AssetBooking" SET "active" = false WHERE "loanId" = ${owner.loanId}::uuid`;
  else
    await tx.$executeRaw`UPDATE "AssetBooking" SET "active" = false WHERE "reservationId" = ${owner.reservationId}::uuid`;
}

/** Whether an error is the exclusion constraint refusing an overlapping booking. */
export function isBookingOverlap(e: unknown): boolean {
  return isExclusionViolation(e, "AssetBooking_no_overlap");
}

export interface BookingConflict {
  assetTag: string;
  loanNumber: string | null;
  reservation: { startDate: string; endDate: string; purpose: string } | null;
}

/** The first active booking that overlaps the period for one of the assets. */
export async function findConflict(
  db: Db | DbTx,
  assetIds: string[],
  startDate: string,
  endDate: string,
  exceptLoanId: string | null = null,
): Promise<BookingConflict | null> {
  const rows = await db.$queryRaw<
    { tag: string; number: string | null; rstart: Date | null; rend: Date | null; purpose: string | null }[]
  >`
    SELECT a."tag", l."number", r."startDate" AS rstart, r."endDate" AS rend, r."purpose"
    FROM "AssetBooking" b
    JOIN "Asset" a ON a."id" = b."assetId"
    LEFT JOIN "Loan" l ON l."id" = b."loanId"
    LEFT JOIN "AssetReservation" r ON r."id" = b."reservationId"
    WHERE b."active" AND b."assetId" = ANY(${assetIds}::uuid[])
      AND b."period" && daterange(${startDate}::date, ${dayAfter(endDate)}::date, '[)')
      AND (${exceptLoanId}::uuid IS NULL OR b."loanId" IS DISTINCT FROM ${exceptLoanId}::uuid)
    ORDER BY lower(b."period"), a."tag"
    LIMIT 1`;
  const r = rows[0];
  if (!r) return null;
  return {
    assetTag: r.tag,
    loanNumber: r.number,
    reservation:
      r.rstart && r.rend
        ? {
            startDate: r.rstart.toISOString().slice(0, 10),
            endDate: r.rend.toISOString().slice(0, 10),
            purpose: r.purpose ?? "",
          }
        : null,
  };
}

/** The error shown when an asset is already taken: it names the loan or the reservation. */
export function conflictError(c: BookingConflict | null, field = "assetIds"): DomainError {
  if (c?.loanNumber)
    return new DomainError("CONFLICT", "asset_booked_by_loan", {
      field,
      params: { asset: c.assetTag, loan: c.loanNumber },
    });
  if (c?.reservation)
    return new DomainError("CONFLICT", "asset_booked_by_reservation", {
      field,
      params: {
        asset: c.assetTag,
        from: frDate(c.reservation.startDate),
        to: frDate(c.reservation.endDate),
        purpose: c.reservation.purpose || "—",
      },
    });
  return new DomainError("CONFLICT", "asset_booked", { field });
}

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * Runs a transaction that books assets; when the database refuses an overlap (possibly a concurrent
 * booking that committed first), looks up who holds the asset once the transaction is over and says so.
 */
export async function withBookingConflicts<T>(
  db: Db,
  run: () => Promise<T>,
  probe: { assetIds: () => string[]; startDate: string; endDate: string; exceptLoanId?: string },
): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isBookingOverlap(e)) throw e;
    const c = await findConflict(
      db,
      probe.assetIds(),
      probe.startDate,
      probe.endDate,
      probe.exceptLoanId ?? null,
    );
    throw conflictError(c);
  }
}

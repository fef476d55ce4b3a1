// Loads what eligibility needs: the signed conventions of some bodies with the services of each
// version, as plain data for the pure rule.
import type { DbTx } from "@mutuo/db";
import { dateOnly } from "../shared/dates.ts";
import { isEligible, type EligibilityConvention } from "./rules.ts";

export async function loadEligibility(db: DbTx, bodyIds: string[] | "all"): Promise<EligibilityConvention[]> {
  const rows = await db.convention.findMany({
    where: { status: { not: "draft" }, ...(bodyIds === "all" ? {} : { signatoryBodyId: { in: bodyIds } }) },
    select: {
      signatoryBodyId: true,
      status: true,
      startDate: true,
      endDate: true,
      noticeEffectiveOn: true,
      terminatedOn: true,
      versions: {
        where: { signedAt: { not: null } },
        select: { number: true, effectiveFrom: true, termSets: { select: { serviceId: true } } },
      },
    },
  });
  return rows.map((c) => ({
    signatoryBodyId: c.signatoryBodyId,
    dates: {
      status: c.status,
      startDate: dateOnly(c.startDate),
      endDate: c.endDate && dateOnly(c.endDate),
      noticeEffectiveOn: c.noticeEffectiveOn && dateOnly(c.noticeEffectiveOn),
      terminatedOn: c.terminatedOn && dateOnly(c.terminatedOn),
    },
    versions: c.versions.map((v) => ({
      number: v.number,
      effectiveFrom: dateOnly(v.effectiveFrom),
      signed: true,
      serviceIds: v.termSets.map((t) => t.serviceId),
    })),
  }));
}

export async function bodyEligible(
  db: DbTx,
  q: { bodyId: string; serviceId: string; date: string },
): Promise<boolean> {
  return isEligible(await loadEligibility(db, [q.bodyId]), q);
}

// Test helpers of the training domain (imported by its tests only).
import type { Db } from "@mutuo/db";

/** A convention in force through 2026 by which a body subscribes to a service (eligible to train). */
export function subscribeForTest(
  db: Db,
  q: { number: string; bodyId: string; serviceId: string; trainingDaysIncluded?: number },
) {
  return db.convention.create({
    data: {
      number: q.number,
      title: "Adhésion",
      deliberationRef: "D-1",
      signatoryBodyId: q.bodyId,
      communeBodyId: q.bodyId,
      status: "active",
      startDate: new Date("2026-01-01"),
      endDate: new Date("2026-12-31"),
      versions: {
        create: {
          number: 1,
          label: "Initiale",
          effectiveFrom: new Date("2026-01-01"),
          signedAt: new Date("2026-01-01"),
          termSets: {
            create: {
              serviceId: q.serviceId,
              channels: ["portal"],
              trainingDaysIncluded: q.trainingDaysIncluded ?? 0,
            },
          },
        },
      },
    },
  });
}

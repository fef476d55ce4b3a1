// Demo data, seeded once per installation (first start on an empty database).
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { seedConventions } from "./conventions.ts";
import { demoBodies, demoServices, demoUsers } from "./demo-data.ts";
import { demoSiret } from "./siret.ts";

export { demoUsers } from "./demo-data.ts";
export { luhnValid, demoSiret } from "./siret.ts";

const MARKER = "demo-seed";
/** The password of every demo account (fictitious people; change or remove them in production). */
export const DEMO_PASSWORD = "mutuo-demo-2026";

export async function isDemoSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.appMeta.findUnique({ where: { key: MARKER } })) !== null;
}

/** Seeds the demo data unless already done; returns whether it seeded. Safe to call concurrently. */
export async function seedDemo(db: PrismaClient, now: Date = new Date()): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      // Serialises concurrent seeders; the marker row makes the seed happen once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
      if (await tx.appMeta.findUnique({ where: { key: MARKER } })) return false;

      const passwordHash = await hash(DEMO_PASSWORD, {
        algorithm: 2,
        memoryCost: 19456,
        timeCost: 2,
        parallelism: 1,
      });
      const ids = new Map<string, string>();
      const populationYear = now.getUTCFullYear() - 1;
      for (const b of demoBodies) {
        const communeId = b.communeRef ? ids.get(b.communeRef) : undefined;
        const created = await tx.body.create({
          data: {
            legalName: b.legalName,
            kind: b.kind,
            siret: demoSiret(b.sirenBase),
            inseeCode: b.inseeCode,
            population: b.population,
            populationYear: b.population ? populationYear : undefined,
            communeId,
            addressLine: b.addressLine,
            postalCode: b.postalCode,
            city: b.city,
            dpoName: b.dpo?.name,
            dpoEmail: b.dpo?.email,
          },
        });
        ids.set(b.ref, created.id);
      }
      await tx.service.createMany({
        data: demoServices.map((s) => ({ ...s, lendsEquipment: s.lendsEquipment ?? false })),
      });
      for (const u of demoUsers) {
        await tx.user.create({
          data: {
            email: u.email,
            name: u.name,
            role: u.role,
            phone: u.phone,
            passwordHash,
            memberships: { create: u.bodies.map((ref) => ({ bodyId: ids.get(ref)! })) },
          },
        });
      }
      await seedConventions(tx, ids, now);
      await tx.appMeta.create({ data: { key: MARKER, value: { seededAt: now.toISOString() } } });
      return true;
    },
    { timeout: 60_000 },
  );
}

// Hostile input never crashes a procedure: for every procedure of the router (found automatically, so
// a new one is covered the day it is added), inputs derived from its zod schema — mostly well-shaped,
// with NUL, lone surrogates, huge strings, RTL and emoji, SQL-ish text, wrong types, huge numbers,
// forged cursors, foreign and unknown ids mixed in — are sent as each role. A refusal (400, 401, 403,
// 404, 409, 429) is fine; an INTERNAL_SERVER_ERROR, or anything thrown that is not a tRPC error, fails.
// Seeded and bounded: RUNS inputs per procedure, each sent as every role.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { ensureDefaultSubscriptions } from "@mutuo/core/reports";
import { appRouter } from "./root.ts";
import { callerFor } from "./testing.ts";
import { procedureInputArbitrary, type ArbitraryOptions } from "./zod-arbitrary.ts";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 16);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261202);

const ROLES = {
  admin: "admin@val-orlene.example",
  manager: "manager@val-orlene.example",
  technician: "tech@val-orlene.example",
  agent: "agent@saint-aubin.example",
  anonymous: null,
} as const;
type Role = keyof typeof ROLES;

type Procedures = Record<string, { _def: { inputs: z.ZodType[] } }>;
const procedures = (appRouter as unknown as { _def: { procedures: Procedures } })._def.procedures;
const paths = Object.keys(procedures).sort();

type Proc = (input: unknown) => Promise<unknown>;
const procedureOf = (caller: object, path: string): Proc =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Proc;

/** "crash: …" when the call failed in a way a client must never see, else null. */
async function crashOf(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (e) {
    if (!(e instanceof TRPCError)) return `crash: threw ${String(e)}`;
    if (e.code !== "INTERNAL_SERVER_ERROR") return null;
    const cause = e.cause instanceof Error ? `${e.cause.name}: ${e.cause.message}` : String(e.cause);
    return `crash: ${cause.slice(0, 300)}`;
  }
}

const show = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) =>
    typeof x === "string" && x.length > 80
      ? `${x.slice(0, 40)}…(${x.length})`
      : typeof x === "bigint"
        ? x.toString()
        : x,
  );

describe("hostile input on every procedure, as every role", () => {
  let tdb: TestDatabase;
  const callers = {} as Record<Role, object>;
  let options: ArbitraryOptions;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = tdb.prisma();
    await seedDemo(db);
    for (const [role, email] of Object.entries(ROLES))
      callers[role as Role] = await callerFor(db, tdb.url, email);
    // Tickets of the agent's body and of another, in several states (the demo seed has none).
    const service = await db.service.findFirstOrThrow({ where: { active: true } });
    const bodies = await db.body.findMany({
      where: { legalName: { in: ["Commune de Saint-Aubin-des-Vignes", "Commune de Bellerive-sur-Orlène"] } },
    });
    let n = 0;
    for (const body of bodies)
      for (const status of ["new", "in_progress", "resolved"] as const)
        await db.ticket.create({
          data: {
            number: `SOS-2026-${String(900_000 + ++n).padStart(6, "0")}`,
            bodyId: body.id,
            serviceId: service.id,
            subject: `Demande ${n}`,
            description: "Une demande pour les essais",
            category: "fault",
            impact: "low",
            urgency: "low",
            priority: "low",
            channel: "portal",
            status,
            declarantName: "Déclarant fictif",
            declarantEmail: ROLES.agent,
            receivedAt: new Date(),
          },
        });
    // Ids of every kind, of the caller's body and of others: foreign ids must be refused, not crash.
    const callerIds = new Set(
      (
        await db.user.findMany({ where: { email: { in: Object.values(ROLES).filter(Boolean) as string[] } } })
      ).map((u) => u.id),
    );
    // The built-in scheduled reports, so that edits and pauses meet real ones.
    await ensureDefaultSubscriptions(db);
    const take = { take: 6, select: { id: true } } as const;
    const rows = await Promise.all([
      db.body.findMany(take),
      db.user.findMany({ ...take, where: { role: "agent", email: { not: ROLES.agent } } }),
      db.ticket.findMany(take),
      db.convention.findMany(take),
      db.conventionVersion.findMany(take),
      db.service.findMany(take),
      db.businessCalendar.findMany(take),
      db.calendarClosure.findMany(take),
      db.outboxMessage.findMany(take),
      db.incomingMail.findMany(take),
      db.ticketAttachment.findMany(take),
      db.assetKind.findMany(take),
      db.asset.findMany(take),
      db.reportSubscription.findMany(take),
    ]);
    const ids = rows
      .flat()
      .map((r) => r.id)
      .filter((id) => !callerIds.has(id));
    options = {
      ids: [...ids, "00000000-0000-4000-8000-000000000000", "ffffffff-ffff-4fff-bfff-ffffffffffff"],
    };
  });
  afterAll(async () => tdb?.drop());

  it("finds the procedures of the router", () => {
    expect(paths.length).toBeGreaterThan(10);
  });

  it.each(paths)("%s answers hostile input without a server error", { timeout: 120_000 }, async (path) => {
    const inputs = fc.sample(procedureInputArbitrary(procedures[path]!._def.inputs, options), {
      numRuns: RUNS,
      seed: SEED + [...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0),
    });
    const crashes: string[] = [];
    for (const input of inputs)
      for (const role of Object.keys(ROLES) as Role[]) {
        const crash = await crashOf(() => procedureOf(callers[role], path)(input));
        if (crash) crashes.push(`${role} ${show(input)} → ${crash}`);
      }
    expect(crashes).toEqual([]);
  });
});

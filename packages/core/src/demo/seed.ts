// Seeds the demo history once, after the base demo data (bodies, people, catalogue, conventions):
// more fictitious agents and technicians, then the planned tickets and everything around them,
// written with bulk inserts in one transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "@mutuo/db";
import { loadTermsIndex } from "../conventions/index.ts";
import type { FileStore } from "../files/index.ts";
import { render } from "../notifications/index.ts";
import { seedDemoAssets } from "./assets.ts";
import { seedDemoBilling } from "./billing.ts";
import { planAdminHistory } from "./admin-history.ts";
import { insertRows } from "./bulk.ts";
import { seedDemoLoans } from "./loans.ts";
import { seedDemoReportRuns } from "./reports.ts";
import { exportCsv, logText, screenshotPng } from "./files.ts";
import { planHistory, type PartnerBody, type Person } from "./history.ts";
import { seededRandom } from "./random.ts";
import { FIRST_NAMES, LAST_NAMES } from "./texts.ts";
import { seedTrainingDemo } from "./training.ts";

const BASE_MARKER = "demo-seed";
export const HISTORY_MARKER = "demo-history";

export interface HistoryResult {
  seeded: boolean;
  tickets: number;
  ms: number;
  /** Of which building the demo's sent reports (their PDFs). */
  reportsMs?: number;
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-")
    .replace(/^-|-$/g, "");

/** Seeds the demo history unless already done (or the base demo is absent). Safe to call concurrently. */
export async function seedDemoHistory(
  db: Db,
  files: FileStore,
  opts: { baseUrl: string; now?: Date; target?: number },
): Promise<HistoryResult> {
  const t0 = Date.now();
  const now = opts.now ?? new Date();
  const done = await db.appMeta.findMany({ where: { key: { in: [BASE_MARKER, HISTORY_MARKER] } } });
  if (done.length !== 1 || done[0]!.key !== BASE_MARKER) {
    // An installation seeded before the loans existed gets its demo loans now.
    if (done.some((d) => d.key === HISTORY_MARKER)) await seedDemoLoans(db, now, opts.baseUrl);
    return { seeded: false, tickets: 0, ms: 0 };
  }

  const bodies = await db.body.findMany({
    where: { kind: { not: "provider" }, status: "active" },
    select: {
      id: true,
      legalName: true,
      kind: true,
      population: true,
      populationYear: true,
      city: true,
      addressLine: true,
      dpoName: true,
      dpoEmail: true,
    },
    orderBy: { legalName: "asc" },
  });
  const provider = await db.body.findFirstOrThrow({ where: { kind: "provider" }, select: { id: true } });
  const users = await db.user.findMany({
    where: { active: true },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      phone: true,
      passwordHash: true,
      memberships: { select: { bodyId: true } },
    },
    orderBy: { email: "asc" },
  });
  const services = await db.service.findMany({
    where: { active: true },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  const terms = await loadTermsIndex(db);

  // More people: agents for every body (the demo accounts stay the main ones), two more technicians.
  const r = seededRandom(7);
  const passwordHash = users.find((u) => u.role === "agent")?.passwordHash ?? null;
  const newUsers: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const taken = new Set(users.map((u) => u.email));
  const person = (role: string, domain: string, bodyId: string): Person => {
    let first: string, last: string, email: string;
    do {
      first = r.pick(FIRST_NAMES);
      last = r.pick(LAST_NAMES);
      email = `${slug(first)}.${slug(last)}@${domain}`;
    } while (taken.has(email));
    taken.add(email);
    const p = { id: randomUUID(), name: `${first} ${last}`, email };
    newUsers.push({ ...p, role, passwordHash, createdAt: now, updatedAt: now });
    memberships.push({ userId: p.id, bodyId, createdAt: now });
    return p;
  };
  const partners: PartnerBody[] = bodies.map((b) => {
    const agents = users
      .filter((u) => u.role === "agent" && u.memberships.some((m) => m.bodyId === b.id))
      .map((u) => ({ id: u.id, name: u.name, email: u.email }));
    const domain =
      agents[0]?.email.split("@")[1] ?? `${slug(b.kind === "commune" ? b.city! : b.legalName)}.example`;
    const extra = agents.length ? 1 : 2;
    for (let i = 0; i < extra; i++) agents.push(person("agent", domain, b.id));
    const weight =
      b.kind === "commune"
        ? Math.min(12, Math.max(1.5, (b.population ?? 2000) / 1500))
        : b.kind === "ccas"
          ? 3
          : 2;
    return { id: b.id, legalName: b.legalName, weight, agents };
  });
  const staff = (role: string) =>
    users.filter((u) => u.role === role).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  const technicians = [...staff("technician")];
  for (let i = 0; i < 2; i++) technicians.push(person("technician", "val-orlene.example", provider.id));

  const plan = planHistory({
    now,
    bodies: partners,
    services,
    technicians,
    managers: staff("manager"),
    terms,
    target: opts.target,
  });

  // The quarantine and the journal's changes of bodies and people.
  const admin = planAdminHistory({
    now,
    bodies,
    people: [
      ...users.map((u) => ({ ...u, bodyIds: u.memberships.map((m) => m.bodyId) })),
      ...newUsers.map((u) => ({
        id: u.id as string,
        name: u.name as string,
        email: u.email as string,
        role: u.role as string,
        phone: null,
        bodyIds: memberships.filter((m) => m.userId === u.id).map((m) => m.bodyId as string),
      })),
    ],
    invited: newUsers,
    tickets: plan.tickets,
  });
  plan.audit.push(...admin.audit);

  // Attachments are real files in the store.
  const storedFiles: Record<string, unknown>[] = [];
  const attachments: Record<string, unknown>[] = [];
  for (const a of plan.attachments) {
    const bytes =
      a.kind === "png" ? screenshotPng(a.seed) : a.kind === "log" ? logText(a.subject, a.at) : exportCsv(12);
    const put = await files.put(bytes);
    const fileId = randomUUID();
    storedFiles.push({
      id: fileId,
      storageKey: put.key,
      name: a.name,
      mimeType: a.kind === "png" ? "image/png" : a.kind === "log" ? "text/plain" : "text/csv",
      size: put.size,
      sha256: put.sha256,
      uploadedById: a.uploadedById,
      createdAt: a.at,
    });
    attachments.push({
      id: randomUUID(),
      ticketId: a.ticketId,
      messageId: a.messageId,
      fileId,
      internal: false,
      createdAt: a.at,
    });
  }
  // The mailbox shows what was sent: render each message as the worker did.
  for (const m of plan.outbox) {
    const content = render(
      { template: m.template as string, locale: "fr", data: m.data as never },
      opts.baseUrl,
    );
    m.subject = content.subject;
    m.text = content.text;
  }

  const seeded = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242002)`;
      if (await tx.appMeta.findUnique({ where: { key: HISTORY_MARKER } })) return false;
      // Only on a demo nobody has used yet: never mix invented tickets with real ones.
      if (await tx.ticket.findFirst({ select: { id: true } })) return false;
      await insertRows(tx, "User", newUsers);
      await insertRows(tx, "Membership", memberships);
      await insertRows(tx, "Ticket", plan.tickets);
      await insertRows(tx, "TicketMessage", plan.messages);
      await insertRows(tx, "TicketPause", plan.pauses);
      await insertRows(tx, "TicketLink", plan.links);
      await insertRows(tx, "StoredFile", storedFiles);
      await insertRows(tx, "TicketAttachment", attachments);
      await insertRows(tx, "IncomingMail", plan.incoming);
      await insertRows(tx, "IncomingMail", admin.incoming);
      await insertRows(tx, "OutboxMessage", plan.outbox);
      await insertRows(tx, "AuditEvent", plan.audit);
      await seedDemoAssets(tx, { now, technicianId: technicians[0]?.id ?? null });
      await seedTrainingDemo(tx, now);
      for (const [year, value] of plan.counters)
        await tx.$executeRaw`
          INSERT INTO "Counter" ("key", "value") VALUES (${`ticket:${year}`}, ${value})
          ON CONFLICT ("key") DO UPDATE SET "value" = GREATEST("Counter"."value", EXCLUDED."value")`;
      await tx.appMeta.create({
        data: { key: HISTORY_MARKER, value: { seededAt: now.toISOString(), tickets: plan.tickets.length } },
      });
      return true;
    },
    { timeout: 120_000 },
  );
  if (!seeded) await Promise.all(storedFiles.map((f) => files.remove(f.storageKey as string)));
  // The bulk history's time; the demo loans and statements go through their domains' own functions after it.
  const ms = Date.now() - t0;
  if (seeded) {
    await seedDemoLoans(db, now, opts.baseUrl);
    await seedDemoBilling(db, now);
    const t1 = Date.now();
    await seedDemoReportRuns(db, now);
    return { seeded, tickets: plan.tickets.length, ms, reportsMs: Date.now() - t1 };
  }
  return { seeded, tickets: 0, ms };
}

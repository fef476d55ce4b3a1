// Demo data migrations: a template per demo service, and three jobs in different states, run
// through the real services and engine (small realistic files, fictitious people).
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import type { StreamingFileStore } from "../files/index.ts";
import { executeProductionLoad } from "./connector.ts";
import { executeRun } from "./engine.ts";
import {
  ADDRESS_COLUMNS,
  TENANT_COLUMNS,
  TENANT_RULES,
  USER_COLUMNS,
  addressFile,
  tenantFile,
  userFile,
} from "./samples.ts";
import {
  completeJob,
  createJob,
  createTemplate,
  receiveFile,
  setMapping,
  signOff,
  startProductionLoad,
  startRun,
} from "./service.ts";

async function actorOf(db: Db, email: string): Promise<Actor | null> {
  const u = await db.user.findUnique({ where: { email }, include: { memberships: true } });
  if (!u) return null;
  return {
    userId: u.id,
    name: u.name,
    role: u.role,
    bodyIds: u.memberships.map((m) => m.bodyId),
    activeBodyId: null,
  };
}

/** Seeds once (when no template exists yet); returns whether it did. */
export async function seedMigrationDemo(
  db: Db,
  files: StreamingFileStore,
  now = new Date(),
): Promise<boolean> {
  if (await db.migrationTemplate.findFirst({ select: { id: true } })) return false;
  const admin = await actorOf(db, "admin@val-orlene.example");
  const tech = await actorOf(db, "tech@val-orlene.example");
  if (!admin || !tech) return false;
  const service = async (code: string) => (await db.service.findUnique({ where: { code } }))?.id;
  const body = async (name: string) =>
    (await db.body.findFirst({ where: { legalName: { contains: name } } }))?.id;
  const [pelehas, eadmin, sigma] = [
    await service("PELEHAS"),
    await service("E-ADMIN"),
    await service("SIGMA"),
  ];
  if (!pelehas || !eadmin || !sigma) return false;
  const tenants = await createTemplate(db, admin, {
    serviceId: pelehas,
    name: "Locataires",
    columns: TENANT_COLUMNS,
    crossRules: TENANT_RULES,
    encoding: "windows-1252",
    delimiter: ";",
  });
  const users = await createTemplate(db, admin, {
    serviceId: eadmin,
    name: "Usagers",
    columns: USER_COLUMNS,
  });
  const points = await createTemplate(db, admin, {
    serviceId: sigma,
    name: "Points d'adresse",
    columns: ADDRESS_COLUMNS,
  });
  const files1252 = (s: string) => Readable.from([iconv.encode(s, "win1252")]);
  const utf8 = (s: string) => Readable.from([Buffer.from(s, "utf8")]);
  const deps = { db, files, now: () => now };
  const enqueue = async () => undefined;
  const due = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const run = async (jobId: string, kind: "check" | "test_load") => {
    const { runId } = await startRun(db, tech, { id: jobId }, kind, enqueue, now);
    await executeRun(deps, runId);
  };

  // 1. Done: Saint-Aubin's tenants into Pelehas, signed off and loaded.
  const saintAubin = await body("Saint-Aubin");
  const agentA = await actorOf(db, "agent@saint-aubin.example");
  if (saintAubin && agentA) {
    const job = await createJob(
      db,
      tech,
      {
        bodyId: saintAubin,
        serviceId: pelehas,
        templateId: tenants.id,
        title: "Reprise des locataires",
        ownerId: tech.userId,
        dueOn: due(-20),
      },
      now,
    );
    await receiveFile(
      db,
      files,
      agentA,
      { jobId: job.id, name: "locataires-saint-aubin.csv", body: files1252(tenantFile(120)) },
      now,
    );
    // Three headers are abbreviations that no similarity guesses: the technician maps them.
    const proposed = (await db.migrationJob.findUniqueOrThrow({ where: { id: job.id } })).mapping as Record<
      string,
      string
    >;
    await setMapping(
      db,
      tech,
      {
        id: job.id,
        mapping: { ...proposed, code_postal: "CP", telephone: "Tél.", date_naissance: "Né(e) le" },
        badRowPolicy: "all_or_nothing",
        externalKey: "reference",
      },
      now,
    );
    await run(job.id, "check");
    await run(job.id, "test_load");
    await signOff(db, agentA, { id: job.id }, { ip: "192.0.2.10" }, now);
    const { runId } = await startProductionLoad(db, tech, { id: job.id }, enqueue, now);
    await executeProductionLoad(deps, runId);
    await completeJob(db, tech, { id: job.id }, now);
  }
  // 2. Awaiting the partner's sign-off: the CCAS's users into e-administration.
  const ccas = await body("CCAS de Villeneuve");
  const agentC = await actorOf(db, "agent@ccas-villeneuve.example");
  if (ccas && agentC) {
    const job = await createJob(
      db,
      tech,
      {
        bodyId: ccas,
        serviceId: eadmin,
        templateId: users.id,
        title: "Reprise des usagers du portail",
        ownerId: tech.userId,
        dueOn: due(10),
      },
      now,
    );
    await receiveFile(
      db,
      files,
      agentC,
      { jobId: job.id, name: "usagers.csv", body: utf8(userFile(80)) },
      now,
    );
    await run(job.id, "check");
    await run(job.id, "test_load");
  }
  // 3. Checked, with a few dozen errors to fix: Bellerive's address points into the GIS.
  const bellerive = await body("Bellerive");
  const agentB = await actorOf(db, "agent@bellerive.example");
  if (bellerive && agentB) {
    const job = await createJob(
      db,
      tech,
      {
        bodyId: bellerive,
        serviceId: sigma,
        templateId: points.id,
        title: "Reprise des points d'adressage",
        ownerId: tech.userId,
        dueOn: due(30),
      },
      now,
    );
    await receiveFile(
      db,
      files,
      agentB,
      { jobId: job.id, name: "adresses.tsv.csv", body: utf8(addressFile(200)) },
      now,
    );
    await run(job.id, "check");
  }
  return true;
}

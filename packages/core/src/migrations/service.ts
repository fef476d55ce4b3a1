// Writing data migrations: jobs, templates, files received, mapping, runs, sign-off, production load.
// Heavy work (reading files, loading rows) is queued for the worker; these functions only record.
import { invalid, conflict, notFound } from "../errors/index.ts";
import type { Db, Prisma } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import type { Actor } from "../access/index.ts";
import { resolveTerms } from "../conventions/index.ts";
import { canonicalJson, sha256Hex } from "../documents/index.ts";
import { FileTooLargeError, type StreamingFileStore } from "../files/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { fromDateOnly } from "../shared/dates.ts";
import { assertJobVisible, requireMigrationStaff, requireSignatory, requireTemplateAdmin } from "./policy.ts";
import { sniffFile } from "./reader.ts";
import {
  canReceiveFile,
  canTestLoad,
  isClosed,
  missingRequired,
  proposeMapping,
  stagingSchema,
  type Delimiter,
  type Encoding,
  type Mapping,
  type TargetColumn,
} from "./rules.ts";
import {
  createJobInput,
  fileSettingsInput,
  jobIdInput,
  mappingInput,
  reasonInput,
  saveAsTemplateInput,
  templateInput,
  updateTemplateInput,
  type CreateJobInput,
} from "./schema.ts";
import { dropStaging } from "./staging.ts";
import { transition } from "./transitions.ts";
import { signOffSummary } from "./summary.ts";
import type { z } from "zod";

/** Queues a run for the worker (pg-boss); the worker's sweeper also picks up queued runs. */
export type Enqueue = (runId: string) => Promise<void>;

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

async function loadJob(db: Db, actor: Actor, id: string) {
  const job = await db.migrationJob.findUnique({ where: { id }, include: { template: true } });
  assertJobVisible(actor, job);
  return job;
}

export async function createTemplate(db: Db, actor: Actor, raw: z.input<typeof templateInput>) {
  requireTemplateAdmin(actor);
  const t = templateInput.parse(raw);
  const service = await db.service.findUnique({ where: { id: t.serviceId }, select: { id: true } });
  if (!service) throw invalid("serviceId", "required");
  const exists = await db.migrationTemplate.findUnique({
    where: { serviceId_name: { serviceId: t.serviceId, name: t.name } },
  });
  if (exists) throw conflict("migration_template_exists", "name");
  return db.migrationTemplate.create({
    data: {
      ...t,
      columns: t.columns as Prisma.InputJsonValue,
      crossRules: t.crossRules as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}

export async function updateTemplate(db: Db, actor: Actor, raw: z.input<typeof updateTemplateInput>) {
  requireTemplateAdmin(actor);
  const { id, template: t } = updateTemplateInput.parse(raw);
  const found = await db.migrationTemplate.findUnique({ where: { id } });
  if (!found) throw notFound("template");
  if (t.serviceId !== found.serviceId && (await db.migrationJob.count({ where: { templateId: id } })) > 0)
    throw invalid("serviceId", "migration_template_in_use");
  const same = await db.migrationTemplate.findUnique({
    where: { serviceId_name: { serviceId: t.serviceId, name: t.name } },
    select: { id: true },
  });
  if (same && same.id !== id) throw conflict("migration_template_exists", "name");
  await db.migrationTemplate.update({
    where: { id },
    data: {
      ...t,
      columns: t.columns as Prisma.InputJsonValue,
      crossRules: t.crossRules as Prisma.InputJsonValue,
    },
  });
  return { id };
}

export async function createJob(db: Db, actor: Actor, raw: CreateJobInput, now = new Date()) {
  requireMigrationStaff(actor);
  const input = createJobInput.parse(raw);
  const body = await db.body.findUnique({ where: { id: input.bodyId }, select: { kind: true } });
  if (!body || body.kind === "provider") throw invalid("bodyId", "unknown_partner");
  const template = await db.migrationTemplate.findUnique({ where: { id: input.templateId } });
  if (!template || template.serviceId !== input.serviceId) throw invalid("templateId", "required");
  const owner = await db.user.findUnique({
    where: { id: input.ownerId },
    select: { role: true, active: true },
  });
  if (!owner || owner.role === "agent" || !owner.active) throw invalid("ownerId", "required");
  const terms = await resolveTerms(db, {
    bodyId: input.bodyId,
    serviceId: input.serviceId,
    priority: "medium",
    at: now,
  });
  if (!terms || terms.source !== "convention" || !terms.conventionId)
    throw invalid("serviceId", "migration_no_convention");
  if (input.billingMode === "flat" && input.flatPriceCents == null)
    throw invalid("flatPriceCents", "required");
  return db.$transaction(async (tx) => {
    const year = now.getUTCFullYear();
    const number = `REP-${year}-${String(await nextCounter(tx, `migration:${year}`)).padStart(4, "0")}`;
    const job = await tx.migrationJob.create({
      data: {
        number,
        bodyId: input.bodyId,
        serviceId: input.serviceId,
        conventionId: terms.conventionId,
        templateId: input.templateId,
        title: input.title,
        ownerId: input.ownerId,
        dueOn: input.dueOn ? fromDateOnly(input.dueOn) : null,
        billingMode: input.billingMode,
        flatPriceCents: input.billingMode === "flat" ? input.flatPriceCents : null,
      },
    });
    await tx.migrationEvent.create({
      data: {
        jobId: job.id,
        kind: "created",
        toStatus: "planned",
        actorId: actor.userId,
        actorLabel: actor.name,
        at: now,
      },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "MigrationJob",
      entityId: job.id,
      bodyId: job.bodyId,
      action: "create",
      after: { number, title: job.title, status: "planned" },
    });
    return { id: job.id, number };
  });
}

/** Cancels or marks failed, with a reason, at any point before done; the staging goes. */
export async function closeJob(
  db: Db,
  actor: Actor,
  raw: z.input<typeof reasonInput>,
  to: "cancelled" | "failed",
  now = new Date(),
) {
  requireMigrationStaff(actor);
  const { id, reason } = reasonInput.parse(raw);
  const job = await loadJob(db, actor, id);
  if (isClosed(job.status)) throw conflict("migration_closed");
  await db.$transaction(async (tx) => {
    await tx.migrationRun.updateMany({
      where: { jobId: id, status: { in: ["queued", "running"] } },
      data: { cancelRequested: true },
    });
    await transition(tx, job, to, actor, now, { note: reason });
  });
  await dropStaging(db, stagingSchema(id));
  return { id };
}

/** Deletes a job (staff), its files and its staging. */
export async function deleteJob(db: Db, files: StreamingFileStore, actor: Actor, raw: unknown) {
  requireMigrationStaff(actor);
  const { id } = jobIdInput.parse(raw);
  const job = await loadJob(db, actor, id);
  const keys = await db.migrationFile.findMany({ where: { jobId: id }, select: { storageKey: true } });
  await db.$transaction(async (tx) => {
    // Time spent on it is billing's record (the foreign key refuses too): the job is kept, cancel it instead.
    if (await tx.timeEntry.count({ where: { migrationJobId: id } })) throw conflict("migration_has_time");
    await tx.migrationJob.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "MigrationJob",
      entityId: id,
      bodyId: job.bodyId,
      action: "delete",
      before: { number: job.number, status: job.status },
    });
  });
  await dropStaging(db, stagingSchema(id));
  for (const k of [...keys.map((f) => f.storageKey), job.exportKey, job.loadLogKey])
    if (k) await files.remove(k).catch(() => undefined);
  return { id };
}

/** The saved mapping where it still fits the file's headers; proposals for the rest. */
function fitMapping(columns: TargetColumn[], current: Mapping, headers: string[]): Mapping {
  const proposed = proposeMapping(columns, headers);
  const mapping: Mapping = {};
  for (const c of columns) {
    const keep = current[c.name];
    if (keep && headers.includes(keep)) mapping[c.name] = keep;
    else if (proposed[c.name]) mapping[c.name] = proposed[c.name]!;
  }
  return mapping;
}

/** Receives a file as a stream (agent of the body or staff): stored, its shape read, mapping proposed. */
export async function receiveFile(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  input: { jobId: string; name: string; body: AsyncIterable<Uint8Array>; maxBytes?: number },
  now = new Date(),
) {
  const { id } = jobIdInput.parse({ id: input.jobId });
  const job = await loadJob(db, actor, id);
  if (!canReceiveFile(job.status)) throw conflict("migration_files_closed", "file");
  const name = input.name.replace(/[\0/\\]/g, "_").slice(0, 200) || "fichier.csv";
  if (!/\.(csv|txt|xlsx)$/i.test(name)) throw invalid("file", "migration_file_type");
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  let stored;
  try {
    stored = await files.putStream(input.body, maxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError)
      throw invalid("file", "migration_file_too_large", { max: Math.round(maxBytes / 1024 / 1024) });
    throw e;
  }
  let shape;
  try {
    shape = await sniffFile(files, stored.key, name);
  } catch (e) {
    await files.remove(stored.key);
    throw e;
  }
  const mapping = fitMapping(
    job.template.columns as unknown as TargetColumn[],
    job.mapping as Mapping,
    shape.headers,
  );
  const file = await db.$transaction(async (tx) => {
    const f = await tx.migrationFile.create({
      data: {
        jobId: id,
        storageKey: stored.key,
        name,
        size: BigInt(stored.size),
        sha256: stored.sha256,
        format: shape.format,
        encoding: shape.encoding,
        delimiter: shape.delimiter,
        headers: shape.headers,
        uploadedById: actor.userId,
      },
    });
    await transition(tx, job, "files_received", actor, now, {
      kind: "file_received",
      note: name,
      data: { currentFileId: f.id, mapping },
    });
    return f;
  });
  if (job.status === "test_loaded") await dropStaging(db, stagingSchema(id));
  return { id: file.id, headers: shape.headers, encoding: shape.encoding, delimiter: shape.delimiter };
}

/** Overrides the detected delimiter or encoding of the job's current CSV file: the headers are read
 * again with them, the mapping fitted to the new headers, and the job goes back to « files received »
 * (a check made with the old reading no longer counts; a test load is dropped). */
export async function setFileSettings(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  raw: z.input<typeof fileSettingsInput>,
  now = new Date(),
) {
  requireMigrationStaff(actor);
  const input = fileSettingsInput.parse(raw);
  const file = await db.migrationFile.findUnique({
    where: { id: input.fileId },
    include: { job: { include: { template: true } } },
  });
  assertJobVisible(actor, file?.job ?? null);
  const job = file!.job;
  if (!canReceiveFile(job.status)) throw conflict("migration_files_closed", "file");
  if (job.currentFileId !== file!.id) throw conflict("migration_not_current_file", "file");
  if (file!.format !== "csv") throw invalid("delimiter", "migration_not_csv");
  const running = await db.migrationRun.findFirst({
    where: { jobId: job.id, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (running) throw conflict("migration_run_in_progress");
  const shape = await sniffFile(files, file!.storageKey, file!.name, {
    delimiter: input.delimiter ?? (file!.delimiter as Delimiter),
    encoding: input.encoding ?? (file!.encoding as Encoding),
  });
  const columns = job.template.columns as unknown as TargetColumn[];
  const mapping = fitMapping(columns, job.mapping as Mapping, shape.headers);
  await db.$transaction(async (tx) => {
    await tx.migrationFile.update({
      where: { id: file!.id },
      data: { delimiter: shape.delimiter, encoding: shape.encoding, headers: shape.headers },
    });
    await transition(tx, job, "files_received", actor, now, {
      kind: "file_settings",
      note: `${file!.name} : ${shape.encoding}, « ${shape.delimiter === "\t" ? "tab" : shape.delimiter} »`,
      data: { mapping },
    });
  });
  if (job.status === "test_loaded") await dropStaging(db, stagingSchema(job.id));
  return { id: file!.id, headers: shape.headers, encoding: shape.encoding, delimiter: shape.delimiter };
}

export async function setMapping(db: Db, actor: Actor, raw: z.input<typeof mappingInput>, now = new Date()) {
  requireMigrationStaff(actor);
  const input = mappingInput.parse(raw);
  const job = await loadJob(db, actor, input.id);
  if (!canReceiveFile(job.status)) throw conflict("migration_files_closed");
  const columns = job.template.columns as unknown as TargetColumn[];
  const names = new Set(columns.map((c) => c.name));
  const mapping: Mapping = {};
  for (const [k, v] of Object.entries(input.mapping)) if (names.has(k) && v) mapping[k] = v;
  if (input.externalKey && !names.has(input.externalKey))
    throw invalid("externalKey", "migration_unknown_column");
  await db.$transaction(async (tx) => {
    await tx.migrationJob.update({
      where: { id: job.id },
      data: { mapping, badRowPolicy: input.badRowPolicy, externalKey: input.externalKey || null },
    });
    await tx.migrationEvent.create({
      data: { jobId: job.id, kind: "mapping_saved", actorId: actor.userId, actorLabel: actor.name, at: now },
    });
  });
  return { id: job.id };
}

/** Saves the job's template with its mapping's source names as a new template for the next body. */
export async function saveMappingAsTemplate(db: Db, actor: Actor, raw: z.input<typeof saveAsTemplateInput>) {
  requireMigrationStaff(actor);
  const input = saveAsTemplateInput.parse(raw);
  const job = await loadJob(db, actor, input.id);
  const exists = await db.migrationTemplate.findUnique({
    where: { serviceId_name: { serviceId: job.serviceId, name: input.name } },
  });
  if (exists) throw conflict("migration_template_exists", "name");
  const mapping = job.mapping as Mapping;
  // The source names become the columns' labels: the next file with the same headers maps itself.
  const columns = (job.template.columns as unknown as TargetColumn[]).map((c) => ({
    ...c,
    label: mapping[c.name] ?? c.label,
  }));
  return db.migrationTemplate.create({
    data: {
      serviceId: job.serviceId,
      name: input.name,
      columns: columns as Prisma.InputJsonValue,
      crossRules: job.template.crossRules as Prisma.InputJsonValue,
      encoding: job.template.encoding,
      delimiter: job.template.delimiter,
    },
    select: { id: true },
  });
}

function settingsDigest(
  job: {
    mapping: unknown;
    badRowPolicy: string;
    externalKey: string | null;
    template: { columns: unknown; crossRules: unknown };
  },
  file: { sha256: string; encoding: string; delimiter: string },
) {
  return sha256Hex(
    canonicalJson({
      encoding: file.encoding,
      delimiter: file.delimiter,
      mapping: job.mapping,
      policy: job.badRowPolicy,
      key: job.externalKey,
      columns: job.template.columns,
      rules: job.template.crossRules,
      file: file.sha256,
    }),
  );
}

/** Queues a check run (or a test load) of the job's current file with its current mapping. */
export async function startRun(
  db: Db,
  actor: Actor,
  raw: unknown,
  kind: "check" | "test_load",
  enqueue: Enqueue,
  now = new Date(),
) {
  requireMigrationStaff(actor);
  const { id } = jobIdInput.parse(raw);
  const job = await loadJob(db, actor, id);
  if (!job.currentFileId) throw invalid("file", "migration_no_file");
  const allowed =
    kind === "check" ? ["files_received", "checked", "test_loaded"] : ["checked", "test_loaded"];
  if (!allowed.includes(job.status)) throw conflict("migration_wrong_status");
  const file = await db.migrationFile.findUniqueOrThrow({ where: { id: job.currentFileId } });
  const missing = missingRequired(
    job.template.columns as unknown as TargetColumn[],
    job.mapping as Mapping,
    file.headers as string[],
  );
  if (missing.length)
    throw invalid("mapping", "migration_missing_required", {
      columns: missing.map((c) => c.label).join(", "),
    });
  const running = await db.migrationRun.findFirst({
    where: { jobId: id, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (running) throw conflict("migration_run_in_progress");
  const settings = settingsDigest(job, file);
  if (kind === "test_load") {
    const check = await db.migrationRun.findFirst({
      where: { jobId: id, kind: "check", status: "done", fileId: file.id, settingsSha256: settings },
      orderBy: { createdAt: "desc" },
    });
    if (!check) throw conflict("migration_check_first");
    if (!canTestLoad(job.badRowPolicy, { valid: check.rowsValid, invalid: check.rowsInvalid }))
      throw conflict("migration_bad_rows_block");
  }
  const run = await db.$transaction(async (tx) => {
    const r = await tx.migrationRun.create({
      data: {
        jobId: id,
        fileId: file.id,
        kind,
        settingsSha256: settings,
        bytesTotal: file.size,
        requestedById: actor.userId,
      },
    });
    await tx.migrationEvent.create({
      data: {
        jobId: id,
        kind: `${kind}_queued`,
        note: file.name,
        actorId: actor.userId,
        actorLabel: actor.name,
        at: now,
      },
    });
    return r;
  });
  await enqueue(run.id).catch(() => undefined); // the worker's sweeper picks it up otherwise
  return { runId: run.id };
}

export async function cancelRun(db: Db, actor: Actor, runId: string) {
  requireMigrationStaff(actor);
  const run = await db.migrationRun.findUnique({ where: { id: runId }, include: { job: true } });
  assertJobVisible(actor, run?.job ?? null);
  if (run!.status !== "queued" && run!.status !== "running") throw conflict("migration_run_not_running");
  await db.migrationRun.update({ where: { id: runId }, data: { cancelRequested: true } });
  return { runId };
}

/** The partner's acceptance: an agent of the body signs the summary they read (digest recorded). */
export async function signOff(
  db: Db,
  actor: Actor,
  raw: unknown,
  meta: { ip: string | null },
  now = new Date(),
) {
  const { id } = jobIdInput.parse(raw);
  const job = await loadJob(db, actor, id);
  requireSignatory(actor, job);
  if (job.status !== "test_loaded") throw conflict("migration_wrong_status");
  const summary = await signOffSummary(db, job);
  const digest = sha256Hex(summary);
  await db.$transaction(async (tx) => {
    await transition(tx, job, "signed_off", actor, now, {
      kind: "signed_off",
      note: digest,
      data: {
        signedOffById: actor.userId,
        signedOffByName: actor.name,
        signedOffAt: now,
        signedOffIp: meta.ip?.slice(0, 64) ?? null,
        signOffSha256: digest,
        signOffSummary: summary as Prisma.InputJsonValue,
      },
    });
  });
  return { id, sha256: digest };
}

/** Queues the production load (export through the service's connector); needs the partner's sign-off. */
export async function startProductionLoad(
  db: Db,
  actor: Actor,
  raw: unknown,
  enqueue: Enqueue,
  now = new Date(),
) {
  requireMigrationStaff(actor);
  const { id } = jobIdInput.parse(raw);
  const job = await loadJob(db, actor, id);
  if (job.status !== "signed_off" || !job.signOffSha256) throw conflict("migration_not_signed_off");
  if (!job.currentFileId) throw invalid("file", "migration_no_file");
  const running = await db.migrationRun.findFirst({
    where: { jobId: id, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (running) throw conflict("migration_run_in_progress");
  const run = await db.migrationRun.create({
    data: {
      jobId: id,
      fileId: job.currentFileId,
      kind: "production_load",
      settingsSha256: job.signOffSha256,
      requestedById: actor.userId,
    },
  });
  await db.migrationEvent.create({
    data: {
      jobId: id,
      kind: "production_load_queued",
      actorId: actor.userId,
      actorLabel: actor.name,
      at: now,
    },
  });
  await enqueue(run.id).catch(() => undefined);
  return { runId: run.id };
}

/** Closes a job loaded in production: billable from then on. */
export async function completeJob(db: Db, actor: Actor, raw: unknown, now = new Date()) {
  requireMigrationStaff(actor);
  const { id } = jobIdInput.parse(raw);
  const job = await loadJob(db, actor, id);
  if (job.status !== "loaded") throw conflict("migration_wrong_status");
  await db.$transaction((tx) => transition(tx, job, "done", actor, now, { data: { doneAt: now } }));
  await dropStaging(db, stagingSchema(id));
  return { id };
}

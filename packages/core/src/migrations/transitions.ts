// The one write path of a job's status: the change, its timeline event and the audit entry, in the
// caller's transaction.
import type { DbTx, MigrationStatus } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { isPerson, type AnyActor } from "../access/index.ts";
import { canTestLoad } from "./rules.ts";

export async function transition(
  tx: DbTx,
  job: { id: string; bodyId: string; status: MigrationStatus },
  to: MigrationStatus,
  actor: AnyActor,
  at: Date,
  opts: { note?: string; kind?: string; data?: Record<string, unknown>; channel?: "web" | "job" } = {},
) {
  if (job.status !== to || opts.data)
    await tx.migrationJob.update({
      where: { id: job.id },
      data: {
        status: to,
        ...(opts.data ?? {}),
        ...(to === "failed" || to === "cancelled" ? { statusReason: opts.note ?? "" } : {}),
      },
    });
  await tx.migrationEvent.create({
    data: {
      jobId: job.id,
      kind: opts.kind ?? "status",
      fromStatus: job.status,
      toStatus: to,
      note: opts.note ?? "",
      actorId: isPerson(actor) ? actor.userId : null,
      actorLabel: isPerson(actor) ? actor.name : actor.system,
      at,
    },
  });
  if (job.status !== to)
    await recordAudit(tx, {
      actor,
      channel: opts.channel ?? (isPerson(actor) ? "web" : "job"),
      entityType: "MigrationJob",
      entityId: job.id,
      bodyId: job.bodyId,
      action: "update",
      before: { status: job.status },
      after: { status: to, ...(opts.note ? { reason: opts.note } : {}) },
    });
}

/** After a check or a test load: the job moves on (a check on a job already test-loaded goes back). */
export async function afterRun(
  tx: DbTx,
  r: {
    jobId: string;
    kind: "check" | "test_load" | "production_load";
    counts: { rowsValid: number; rowsInvalid: number; rowsRead: number; duplicateKeys: number };
    policy: "all_or_nothing" | "load_valid";
  },
  at: Date,
) {
  const job = await tx.migrationJob.findUniqueOrThrow({ where: { id: r.jobId } });
  const worker = { system: "worker" };
  const note = `${r.counts.rowsRead} lignes lues, ${r.counts.rowsValid} valides, ${r.counts.rowsInvalid} en erreur`;
  if (r.kind === "check" && ["files_received", "checked", "test_loaded"].includes(job.status))
    await transition(tx, job, "checked", worker, at, { kind: "check_done", note });
  if (r.kind === "test_load" && ["checked", "test_loaded"].includes(job.status)) {
    const ok = canTestLoad(r.policy, { valid: r.counts.rowsValid, invalid: r.counts.rowsInvalid });
    await transition(tx, job, ok ? "test_loaded" : "checked", worker, at, { kind: "test_load_done", note });
  }
}

// Loss or theft of lent equipment: declared by the borrower's agent (or a technician on their behalf),
// the 24-hour limit from discovery shown, the managers alerted at once (exactly once: one outbox row per
// declaration and manager), the insurer claim tracked, the partner's proofs filed, the remedy recorded.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { canSeeBody } from "../access/index.ts";
import { DomainError, invalid, notFound } from "../errors/index.ts";
import { checkUpload, UPLOAD_TYPES, type FileStore } from "../files/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import { setAssetCustody } from "../assets/index.ts";
import { mutateLoan, TX } from "./mutate.ts";
import { requireLoanStaff } from "./policy.ts";
import { declarationDelay } from "./rules.ts";
import { claimInput, declareLossInput, lossFileInput, remedyInput } from "./schema.ts";
import type { z } from "zod";

export const MAX_PROOF_BYTES = 10 * 1024 * 1024;

export async function declareLoss(
  db: Db,
  actor: Actor,
  raw: z.input<typeof declareLossInput>,
  now = new Date(),
) {
  const input = declareLossInput.parse(raw);
  if (input.discoveredAt.getTime() > now.getTime()) throw invalid("discoveredAt", "date_in_future");
  if (input.kind === "theft" && !input.policeReportRef) throw invalid("policeReportRef", "required");
  return mutateLoan(db, actor, input.loanId, "declareLoss", async (tx, loan) => {
    const items = await tx.loanItem.findMany({ where: { loanId: loan.id }, select: { assetId: true } });
    const lent = new Set(items.map((i) => i.assetId));
    if (input.assetIds.some((id) => !lent.has(id))) throw invalid("assetIds", "invalid");
    const decl = await tx.lossDeclaration.create({
      data: {
        loanId: loan.id,
        kind: input.kind,
        assetIds: input.assetIds,
        discoveredAt: input.discoveredAt,
        declaredAt: now,
        circumstances: input.circumstances,
        policeReportRef: input.policeReportRef,
        declaredById: actor.userId || null,
        declaredByName: actor.name,
      },
    });
    const status = input.kind === "theft" ? "stolen" : "lost";
    await setAssetCustody(tx, {
      assetIds: input.assetIds,
      status,
      kind: `loan_${status}`,
      data: { loanId: loan.id, declarationId: decl.id },
      actorId: actor.userId,
      at: now,
      withKitItems: false,
    });
    const declared = new Set(
      (await tx.lossDeclaration.findMany({ where: { loanId: loan.id }, select: { assetIds: true } })).flatMap(
        (d) => d.assetIds,
      ),
    );
    if (items.every((i) => declared.has(i.assetId)))
      await tx.loan.update({ where: { id: loan.id }, data: { status } });
    const body = await tx.body.findUniqueOrThrow({ where: { id: loan.bodyId }, select: { legalName: true } });
    const managers = await tx.user.findMany({
      where: { role: "manager", active: true, anonymisedAt: null },
      select: { id: true, email: true, locale: true, name: true },
    });
    const delay = declarationDelay(input.discoveredAt, now);
    for (const m of managers)
      await enqueueMail(tx, {
        dedupKey: `loan.loss:${decl.id}:${m.id}`,
        template: "loan.alert",
        to: m.email,
        toUserId: m.id,
        locale: m.locale,
        always: true,
        data: {
          kind: input.kind,
          number: loan.number,
          body_name: body.legalName,
          late: delay.late,
          hours: delay.hours,
          name: m.name,
          path: `/prets/${loan.id}`,
        },
      });
    return { ...decl, ...delay };
  });
}

async function declarationOf(db: Db, actor: Actor, id: string) {
  const d = await db.lossDeclaration.findUnique({
    where: { id },
    include: { loan: { select: { id: true, bodyId: true } } },
  });
  if (!d || !canSeeBody(actor, d.loan.bodyId)) throw notFound("declaration");
  return d;
}

export async function setClaimStatus(db: Db, actor: Actor, raw: z.input<typeof claimInput>) {
  const input = claimInput.parse(raw);
  const d = await declarationOf(db, actor, input.declarationId);
  requireLoanStaff(actor);
  return db.lossDeclaration.update({ where: { id: d.id }, data: { claimStatus: input.claimStatus } });
}

/** The partner's proof of insurance or the insurer's answer (PDF or image), checked by content. */
export async function addLossFile(
  db: Db,
  files: FileStore,
  actor: Actor,
  raw: z.input<typeof lossFileInput>,
) {
  const input = lossFileInput.parse(raw);
  const d = await declarationOf(db, actor, input.declarationId);
  const allowed: string[] = [UPLOAD_TYPES.pdf, UPLOAD_TYPES.png, UPLOAD_TYPES.jpeg];
  if (!allowed.includes(input.mimeType)) throw invalid(input.field, `${input.field}_file_type`);
  let bytes: Uint8Array;
  try {
    bytes = checkUpload(input.contentBase64, input.mimeType, MAX_PROOF_BYTES);
  } catch (e) {
    // The form names its own field (proof of insurance, insurer's answer), not a generic "file".
    if (e instanceof DomainError && e.field === "file")
      throw invalid(
        input.field,
        e.message === "required" ? "required" : `${input.field}_${e.message}`,
        e.params,
      );
    throw e;
  }
  const stored = await files.put(bytes);
  return db.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: {
        storageKey: stored.key,
        name: input.name,
        mimeType: input.mimeType,
        size: stored.size,
        sha256: stored.sha256,
        uploadedById: actor.userId || null,
      },
    });
    return tx.lossDeclaration.update({
      where: { id: d.id },
      data: input.field === "proofOfInsurance" ? { proofFileId: file.id } : { answerFileId: file.id },
    });
  }, TX);
}

/** After a refusal by the insurer, the partner repairs or replaces under the provider's control. */
export async function recordRemedy(db: Db, actor: Actor, raw: z.input<typeof remedyInput>, now = new Date()) {
  const input = remedyInput.parse(raw);
  const d = await declarationOf(db, actor, input.declarationId);
  requireLoanStaff(actor);
  if (d.claimStatus !== "refused") throw invalid("remedy", "remedy_needs_refusal");
  if (input.remedy === "replacement" && !input.replacementSerial)
    throw invalid("replacementSerial", "required");
  return mutateLoan(db, actor, d.loan.id, null, async (tx) => {
    for (const assetId of d.assetIds)
      await tx.assetEvent.create({
        data: {
          assetId,
          kind: `loss_${input.remedy}`,
          data: { declarationId: d.id, replacementSerial: input.replacementSerial, note: input.remedyNote },
          actorId: actor.userId || null,
          createdAt: now,
        },
      });
    return tx.lossDeclaration.update({
      where: { id: d.id },
      data: {
        remedy: input.remedy,
        replacementSerial: input.replacementSerial,
        remedyNote: input.remedyNote,
      },
    });
  });
}

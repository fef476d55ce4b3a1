// Writing conventions: header, versions and their service terms, amendments.
import type { Convention, Db, DbTx } from "@mutuo/db";
import { recordAudit } from "../audit/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../access/index.ts";
import { nextCounter } from "../shared/counter.ts";
import { copyTermSet, replaceTermSet, termSetSnapshot } from "../terms/index.ts";
import { dateOnly, datesOf, optDate, optDbDate, toDbDate } from "./dates.ts";
import { requireConventionManager } from "./policy.ts";
import { canDo, lastDay } from "./rules.ts";
import {
  amendInput,
  conventionInput,
  versionServiceInput,
  versionTermsInput,
  type ConventionInput,
} from "./schema.ts";
import type { z } from "zod";

export function conventionFields(c: Convention) {
  return {
    number: c.number,
    title: c.title,
    deliberationRef: c.deliberationRef,
    signatoryBodyId: c.signatoryBodyId,
    communeBodyId: c.communeBodyId,
    status: c.status,
    startDate: dateOnly(c.startDate),
    endDate: optDate(c.endDate),
    renewalRule: c.renewalRule,
    renewalYears: c.renewalYears,
    noticeMonths: c.noticeMonths,
    noticeGivenOn: optDate(c.noticeGivenOn),
    noticeGivenBy: c.noticeGivenBy,
    noticeEffectiveOn: optDate(c.noticeEffectiveOn),
    terminatedOn: optDate(c.terminatedOn),
  };
}

async function resolveBodies(tx: DbTx, signatoryBodyId: string, communeBodyId: string | null | undefined) {
  const signatory = await tx.body.findUnique({
    where: { id: signatoryBodyId },
    select: { id: true, kind: true, communeId: true },
  });
  if (!signatory || signatory.kind === "provider") throw invalid("signatoryBodyId", "unknown_partner");
  const communeId = communeBodyId ?? (signatory.kind === "commune" ? signatory.id : signatory.communeId);
  if (!communeId) throw invalid("communeBodyId", "commune_required");
  const commune = await tx.body.findUnique({ where: { id: communeId }, select: { kind: true } });
  if (commune?.kind !== "commune") throw invalid("communeBodyId", "commune_required");
  return communeId;
}

function header(input: z.output<typeof conventionInput>, communeBodyId: string) {
  return {
    title: input.title,
    deliberationRef: input.deliberationRef,
    signatoryBodyId: input.signatoryBodyId,
    communeBodyId,
    startDate: toDbDate(input.startDate),
    endDate: optDbDate(input.endDate),
    renewalRule: input.renewalRule,
    renewalYears: input.renewalRule === "tacit" ? (input.renewalYears ?? null) : null,
    noticeMonths: input.noticeMonths,
  };
}

export async function createConvention(db: Db, actor: Actor, raw: ConventionInput, now = new Date()) {
  requireConventionManager(actor);
  const input = conventionInput.parse(raw);
  return db.$transaction(async (tx) => {
    const communeBodyId = await resolveBodies(tx, input.signatoryBodyId, input.communeBodyId);
    const year = now.getUTCFullYear();
    const number = `CONV-${year}-${String(await nextCounter(tx, `convention:${year}`)).padStart(4, "0")}`;
    const convention = await tx.convention.create({
      data: {
        ...header(input, communeBodyId),
        number,
        versions: {
          create: {
            number: 1,
            label: "initial",
            effectiveFrom: toDbDate(input.startDate),
            deliberationRef: input.deliberationRef,
            createdById: actor.userId,
          },
        },
      },
    });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: convention.id,
      bodyId: convention.signatoryBodyId,
      action: "create",
      after: conventionFields(convention),
    });
    return convention;
  });
}

export async function updateConvention(db: Db, actor: Actor, id: string, raw: ConventionInput) {
  requireConventionManager(actor);
  const input = conventionInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.convention.findUnique({ where: { id } });
    if (!before) throw notFound("convention");
    if (!canDo(before.status, "editHeader")) throw conflict("convention_closed");
    if (before.status !== "draft") {
      if (input.startDate !== dateOnly(before.startDate)) throw invalid("startDate", "locked_once_active");
      if (input.signatoryBodyId !== before.signatoryBodyId)
        throw invalid("signatoryBodyId", "locked_once_active");
    }
    const communeBodyId = await resolveBodies(tx, input.signatoryBodyId, input.communeBodyId);
    const after = await tx.convention.update({ where: { id }, data: header(input, communeBodyId) });
    if (before.status === "draft")
      await tx.conventionVersion.updateMany({
        where: { conventionId: id, number: 1 },
        data: { effectiveFrom: toDbDate(input.startDate) },
      });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: id,
      bodyId: after.signatoryBodyId,
      action: "update",
      before: conventionFields(before),
      after: conventionFields(after),
    });
    return after;
  });
}

async function openVersion(tx: DbTx, versionId: string) {
  const version = await tx.conventionVersion.findUnique({
    where: { id: versionId },
    include: { convention: true },
  });
  if (!version) throw notFound("version");
  if (version.signedAt) throw conflict("version_signed");
  return version;
}

/** Sets the terms of one service in an unsigned version (the draft convention or a draft amendment). */
export async function setVersionTerms(db: Db, actor: Actor, raw: z.input<typeof versionTermsInput>) {
  requireConventionManager(actor);
  const input = versionTermsInput.parse(raw);
  return db.$transaction(async (tx) => {
    const version = await openVersion(tx, input.versionId);
    const service = await tx.service.findUnique({
      where: { id: input.serviceId },
      select: { code: true, active: true },
    });
    if (!service?.active) throw invalid("serviceId", "unknown_service");
    const previous = await tx.termSet.findFirst({
      where: { versionId: version.id, serviceId: input.serviceId },
      include: { targets: true },
    });
    const set = await replaceTermSet(tx, { versionId: version.id, serviceId: input.serviceId }, input.terms);
    const key = (s: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [`v${version.number}.${service.code}.${k}`, v]));
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: version.conventionId,
      bodyId: version.convention.signatoryBodyId,
      action: "update",
      before: previous ? key(termSetSnapshot(previous)) : {},
      after: key(termSetSnapshot(set)),
    });
    return set;
  });
}

export async function removeVersionService(db: Db, actor: Actor, raw: z.input<typeof versionServiceInput>) {
  requireConventionManager(actor);
  const input = versionServiceInput.parse(raw);
  return db.$transaction(async (tx) => {
    const version = await openVersion(tx, input.versionId);
    const set = await tx.termSet.findFirst({
      where: { versionId: version.id, serviceId: input.serviceId },
      include: { targets: true, service: { select: { code: true } } },
    });
    if (!set) throw notFound("service terms");
    await tx.termSet.delete({ where: { id: set.id } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: version.conventionId,
      bodyId: version.convention.signatoryBodyId,
      action: "update",
      before: { [`v${version.number}.${set.service.code}`]: "covered" },
      after: { [`v${version.number}.${set.service.code}`]: "removed" },
    });
  });
}

/** Drafts an amendment effective from a date: a new version starting as a copy of the latest one. */
export async function amendConvention(db: Db, actor: Actor, raw: z.input<typeof amendInput>) {
  requireConventionManager(actor);
  const input = amendInput.parse(raw);
  return db.$transaction(async (tx) => {
    const c = await tx.convention.findUnique({
      where: { id: input.conventionId },
      include: { versions: { orderBy: { number: "desc" } } },
    });
    if (!c) throw notFound("convention");
    if (!canDo(c.status, "amend")) throw conflict("convention_not_amendable");
    const latest = c.versions[0]!;
    if (!latest.signedAt) throw conflict("amendment_in_progress");
    if (input.effectiveFrom <= dateOnly(latest.effectiveFrom))
      throw invalid("effectiveFrom", "after_previous_version", { date: dateOnly(latest.effectiveFrom) });
    const last = lastDay(datesOf(c));
    if (last && input.effectiveFrom > last)
      throw invalid("effectiveFrom", "after_convention_end", { date: last });
    const version = await tx.conventionVersion.create({
      data: {
        conventionId: c.id,
        number: latest.number + 1,
        label: "amendment",
        effectiveFrom: toDbDate(input.effectiveFrom),
        deliberationRef: input.deliberationRef || null,
        summary: input.summary,
        createdById: actor.userId,
      },
    });
    for (const set of await tx.termSet.findMany({ where: { versionId: latest.id }, select: { id: true } }))
      await copyTermSet(tx, set.id, version.id);
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: c.id,
      bodyId: c.signatoryBodyId,
      action: "update",
      before: {},
      after: { [`v${version.number}`]: `drafted, effective ${input.effectiveFrom}: ${input.summary}` },
    });
    return version;
  });
}

/** Signs a draft amendment: its terms are frozen and apply from its effective date. */
export async function signAmendment(db: Db, actor: Actor, versionId: string, now = new Date()) {
  requireConventionManager(actor);
  return db.$transaction(async (tx) => {
    const version = await openVersion(tx, versionId);
    if (version.number === 1) throw conflict("activate_instead");
    if ((await tx.termSet.count({ where: { versionId } })) === 0) throw invalid("serviceId", "no_service");
    const signed = await tx.conventionVersion.update({ where: { id: versionId }, data: { signedAt: now } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: version.conventionId,
      bodyId: version.convention.signatoryBodyId,
      action: "update",
      before: { [`v${version.number}`]: "draft" },
      after: { [`v${version.number}`]: "signed" },
    });
    return signed;
  });
}

export async function discardAmendment(db: Db, actor: Actor, versionId: string) {
  requireConventionManager(actor);
  return db.$transaction(async (tx) => {
    const version = await openVersion(tx, versionId);
    if (version.number === 1) throw conflict("activate_instead");
    await tx.conventionVersion.delete({ where: { id: versionId } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "Convention",
      entityId: version.conventionId,
      bodyId: version.convention.signatoryBodyId,
      action: "update",
      before: { [`v${version.number}`]: "draft" },
      after: { [`v${version.number}`]: "discarded" },
    });
  });
}

// Reading conventions, within the isolation rule (agents: their bodies' conventions only).
import type { Db, Prisma } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { cursorPart, decodeCursor, encodeCursor, type Page } from "../shared/cursor.ts";
import { dateOnly, datesOf, localToday, optDate, toDbDate } from "./dates.ts";
import {
  assertConventionVisible,
  canManageConventions,
  conventionScope,
  requireConventionManager,
} from "./policy.ts";
import {
  addDaysTo,
  canDo,
  endingAttention,
  inForceOn,
  lastDay,
  noticeDeadline,
  versionOn,
  type LifecycleAction,
} from "./rules.ts";
import { listConventionsInput, termsOnInput, type ListConventionsInput } from "./schema.ts";
import type { z } from "zod";

const listSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  startDate: true,
  endDate: true,
  renewalRule: true,
  renewalYears: true,
  noticeMonths: true,
  noticeEffectiveOn: true,
  terminatedOn: true,
  createdAt: true,
  signatory: { select: { id: true, legalName: true, kind: true } },
  commune: { select: { id: true, legalName: true } },
  versions: {
    where: { signedAt: { not: null } },
    orderBy: { number: "desc" },
    take: 1,
    select: { termSets: { select: { service: { select: { id: true, code: true, name: true } } } } },
  },
} satisfies Prisma.ConventionSelect;

/** Conventions, newest first, keyset-paginated on (createdAt, id). */
export async function listConventions(
  db: Db,
  actor: Actor,
  raw: ListConventionsInput,
  now = new Date(),
): Promise<Page<ReturnType<typeof listItem>>> {
  const input = listConventionsInput.parse(raw);
  const where: Prisma.ConventionWhereInput = {
    AND: [
      conventionScope(actor),
      input.bodyId ? { OR: [{ signatoryBodyId: input.bodyId }, { communeBodyId: input.bodyId }] } : {},
      input.serviceId ? { versions: { some: { termSets: { some: { serviceId: input.serviceId } } } } } : {},
      input.status ? { status: input.status } : {},
      input.endBefore ? { endDate: { lte: toDbDate(input.endBefore) } } : {},
      input.cursor ? cursorWhere(input.cursor) : {},
    ],
  };
  const rows = await db.convention.findMany({
    where,
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const today = localToday(now);
  const items = rows.slice(0, input.limit).map((r) => listItem(r, today));
  const last = rows[input.limit - 1];
  return {
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

function cursorWhere(cursor: string): Prisma.ConventionWhereInput {
  const [at, id] = decodeCursor(cursor, [cursorPart.instant, cursorPart.uuid]);
  const createdAt = new Date(at);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

function listItem(r: Prisma.ConventionGetPayload<{ select: typeof listSelect }>, today: string) {
  const { versions, createdAt: _c, ...rest } = r;
  return {
    ...rest,
    startDate: dateOnly(r.startDate),
    endDate: optDate(r.endDate),
    noticeEffectiveOn: optDate(r.noticeEffectiveOn),
    terminatedOn: optDate(r.terminatedOn),
    services: (versions[0]?.termSets ?? [])
      .map((t) => t.service)
      .sort((a, b) => a.name.localeCompare(b.name)),
    attention: endingAttention(
      {
        ...datesOf(r),
        renewalRule: r.renewalRule,
        renewalYears: r.renewalYears,
        noticeMonths: r.noticeMonths,
      },
      today,
      180,
    ),
  };
}

const versionInclude = {
  termSets: {
    include: {
      service: { select: { id: true, code: true, name: true } },
      calendar: { select: { id: true, name: true } },
      targets: true,
    },
    orderBy: { service: { name: "asc" } },
  },
} satisfies Prisma.ConventionVersionInclude;

export async function getConvention(db: Db, actor: Actor, id: string, now = new Date()) {
  const c = await db.convention.findUnique({
    where: { id },
    include: {
      signatory: { select: { id: true, legalName: true, kind: true } },
      commune: { select: { id: true, legalName: true } },
      versions: { orderBy: { number: "asc" }, include: versionInclude },
      documents: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          file: { select: { name: true, size: true, mimeType: true } },
          version: { select: { number: true } },
        },
      },
    },
  });
  assertConventionVisible(actor, c);
  const conv = c!;
  const today = localToday(now);
  const dates = datesOf(conv);
  const versions = conv.versions.map((v) => ({
    ...v,
    effectiveFrom: dateOnly(v.effectiveFrom),
    signed: !!v.signedAt,
  }));
  const current = inForceOn(dates, today) ? versionOn(versions, today) : null;
  const manage = canManageConventions(actor);
  const actions = (
    ["activate", "giveNotice", "terminate", "renew", "amend", "editHeader"] as LifecycleAction[]
  ).filter(
    (a) =>
      manage &&
      canDo(conv.status, a) &&
      !(a === "amend" && versions.some((v) => !v.signed)) &&
      !(a === "renew" && !conv.endDate),
  );
  return {
    ...conv,
    ...dates,
    noticeGivenOn: optDate(conv.noticeGivenOn),
    lastDay: lastDay(dates),
    noticeDeadline:
      conv.endDate && conv.noticeMonths > 0
        ? noticeDeadline(dateOnly(conv.endDate), conv.noticeMonths)
        : null,
    versions: versions.map((v, i) => ({
      ...v,
      effectiveTo: versions[i + 1]?.signed ? addDaysTo(versions[i + 1]!.effectiveFrom, -1) : null,
      current: current?.id === v.id,
      editable: manage && !v.signed,
    })),
    currentVersionNumber: current?.number ?? null,
    canManage: manage,
    actions,
  };
}

/** Which terms bound the parties on a given day (and why: the version in force, or none). */
export async function termsOn(db: Db, actor: Actor, raw: z.input<typeof termsOnInput>) {
  const input = termsOnInput.parse(raw);
  const c = await db.convention.findUnique({
    where: { id: input.conventionId },
    include: { versions: { where: { signedAt: { not: null } }, include: versionInclude } },
  });
  assertConventionVisible(actor, c);
  const conv = c!;
  const inForce = inForceOn(datesOf(conv), input.date);
  const version = inForce
    ? versionOn(
        conv.versions.map((v) => ({ ...v, effectiveFrom: dateOnly(v.effectiveFrom), signed: true })),
        input.date,
      )
    : null;
  return {
    date: input.date,
    inForce,
    version: version
      ? {
          id: version.id,
          number: version.number,
          effectiveFrom: version.effectiveFrom,
          termSets: version.termSets,
        }
      : null,
  };
}

/** Active conventions whose end, or whose last day to give notice, falls within `withinDays`. */
export async function conventionsNeedingAttention(db: Db, actor: Actor, withinDays = 180, now = new Date()) {
  requireConventionManager(actor);
  const today = localToday(now);
  const rows = await db.convention.findMany({
    where: {
      status: "active",
      endDate: { gte: toDbDate(today), lte: toDbDate(addDaysTo(today, withinDays + 366 * 5)) },
    },
    select: listSelect,
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
  });
  return rows
    .map((r) => listItem(r, today))
    .filter((r) => r.attention)
    .sort((a, b) => a.attention!.date.localeCompare(b.attention!.date));
}

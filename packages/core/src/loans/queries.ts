// Reading loans, within the isolation rule (an agent: their bodies' loans only).
import type { Db, Prisma } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { canSeeBody, isStaff, visibleBodyIds } from "../access/index.ts";
import { lastDay, localToday } from "../conventions/index.ts";
import { notFound } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { newestFirstAfter, newestFirstCursor, type Page } from "../shared/cursor.ts";
import { dateOnly, fromDateOnly } from "../shared/dates.ts";
import { asInventory, asReturn, contentDigest } from "./content.ts";
import { assertLoanVisible, canManageLoans, loanScope } from "./policy.ts";
import {
  canDoLoan,
  daysFromTo,
  declarationDelay,
  nextParty,
  OPEN_STATUSES,
  returnDifferences,
  wipesMissing,
  type LoanStatus,
} from "./rules.ts";
import { calendarInput, listLoansInput, type ListLoansInput } from "./schema.ts";
import { conventionDates } from "./service.ts";
import type { z } from "zod";

const conventionSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  startDate: true,
  endDate: true,
  noticeEffectiveOn: true,
  terminatedOn: true,
} satisfies Prisma.ConventionSelect;

/** A loan still holding assets whose convention has ended (or ends before the loan): return to organise. */
function returnToOrganise(
  status: string,
  conv: Prisma.ConventionGetPayload<{ select: typeof conventionSelect }>,
  today: string,
) {
  if (!OPEN_STATUSES.includes(status as LoanStatus)) return false;
  if (conv.status === "terminated" || conv.status === "expired") return true;
  const last = lastDay(conventionDates(conv));
  return !!last && last < today;
}

const listSelect = {
  id: true,
  number: true,
  status: true,
  startDate: true,
  endDate: true,
  createdAt: true,
  body: { select: { id: true, legalName: true } },
  convention: { select: conventionSelect },
  // The page's items themselves (a loan holds a few): Prisma's `_count` aggregates the whole item
  // table before joining it (≈ 330 ms at 200 000 loans), this reads only the page's.
  items: { select: { kitId: true, asset: { select: { tag: true } } } },
} satisfies Prisma.LoanSelect;

export async function listLoans(db: Db, actor: Actor, raw: ListLoansInput, now = new Date()) {
  const input = listLoansInput.parse(raw);
  const where: Prisma.LoanWhereInput = {
    AND: [
      loanScope(actor),
      input.bodyId ? { bodyId: input.bodyId } : {},
      input.status ? { status: input.status } : {},
      newestFirstAfter(input.cursor),
    ],
  };
  const rows = await db.loan.findMany({
    where,
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const today = localToday(now);
  const last = rows[input.limit - 1];
  const page: Page<ReturnType<typeof item>> = {
    items: rows.slice(0, input.limit).map((r) => item(r, today)),
    nextCursor: rows.length > input.limit && last ? newestFirstCursor(last) : null,
  };
  return page;
}

function item(r: Prisma.LoanGetPayload<{ select: typeof listSelect }>, today: string) {
  const endDate = dateOnly(r.endDate);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    startDate: dateOnly(r.startDate),
    endDate,
    body: r.body,
    convention: { id: r.convention.id, number: r.convention.number },
    items: r.items.length,
    tags: r.items
      .filter((i) => i.kitId === null)
      .map((i) => i.asset.tag)
      .sort()
      .slice(0, 3),
    overdue: ["in_service", "inventory_signed"].includes(r.status) && endDate < today,
    returnToOrganise: returnToOrganise(r.status, r.convention, today),
  };
}

export async function getLoan(db: Db, actor: Actor, id: string, now = new Date()) {
  const loan = await db.loan.findUnique({
    where: { id },
    include: {
      body: { select: { id: true, legalName: true } },
      convention: { select: conventionSelect },
      items: {
        include: {
          asset: {
            select: {
              id: true,
              tag: true,
              serialNumber: true,
              model: true,
              status: true,
              kind: { select: { label: true, holdsData: true } },
            },
          },
        },
        orderBy: { asset: { tag: "asc" } },
      },
      documents: {
        include: { signOffs: { orderBy: { at: "asc" } } },
        orderBy: [{ kind: "asc" }, { version: "asc" }],
      },
      losses: { orderBy: { declaredAt: "desc" } },
    },
  });
  assertLoanVisible(actor, loan);
  const today = localToday(now);
  const staff = canManageLoans(actor);
  const agentOfBody = actor.role === "agent" && canSeeBody(actor, loan.bodyId);
  const status = loan.status as LoanStatus;
  const docs = loan.documents.map((d) => {
    const parties = d.signOffs.map((s) => s.party);
    const next = d.frozenAt ? null : nextParty(parties);
    const latest = !loan.documents.some((o) => o.kind === d.kind && o.version > d.version);
    const signable = latest && canDoLoan(status, d.kind === "inventory" ? "signInventory" : "signReturn");
    return {
      id: d.id,
      kind: d.kind,
      version: d.version,
      latest,
      frozenAt: d.frozenAt,
      sha256: contentDigest(d.content),
      inventory: d.kind === "inventory" ? asInventory(d.content) : null,
      returnReport: d.kind === "return_report" ? asReturn(d.content) : null,
      differences: d.kind === "return_report" ? returnDifferences(asReturn(d.content)) : [],
      wipesMissing: d.kind === "return_report" ? wipesMissing(asReturn(d.content)) : [],
      signOffs: d.signOffs.map((s) => ({
        party: s.party,
        name: s.name,
        role: s.role,
        at: s.at,
        ip: staff || agentOfBody ? s.ip : null,
        sha256: s.sha256,
        method: s.method,
      })),
      nextParty: next,
      canSign: signable && ((next === "provider" && staff) || (next === "borrower" && agentOfBody)),
      canSignOnSite: signable && next === "borrower" && staff,
    };
  });
  const endDate = dateOnly(loan.endDate);
  return {
    id: loan.id,
    number: loan.number,
    status,
    body: loan.body,
    convention: { id: loan.convention.id, number: loan.convention.number, title: loan.convention.title },
    startDate: dateOnly(loan.startDate),
    endDate,
    address: loan.address,
    contactName: loan.contactName,
    contactPhone: loan.contactPhone,
    notes: loan.notes,
    inServiceAt: loan.inServiceAt,
    returnedAt: loan.returnedAt,
    createdAt: loan.createdAt,
    items: loan.items.map((i) => ({
      assetId: i.asset.id,
      tag: i.asset.tag,
      serial: i.asset.serialNumber,
      model: i.asset.model,
      kind: i.asset.kind.label,
      holdsData: i.asset.kind.holdsData,
      status: i.asset.status,
      inKit: !!i.kitId,
    })),
    documents: docs,
    losses: loan.losses.map((l) => ({
      ...l,
      ...declarationDelay(l.discoveredAt, l.declaredAt),
    })),
    overdue: ["in_service", "inventory_signed"].includes(status) && endDate < today,
    daysLeft: daysFromTo(today, endDate),
    returnToOrganise: returnToOrganise(status, loan.convention, today),
    canManage: staff,
    canDeclareLoss: (staff || agentOfBody) && canDoLoan(status, "declareLoss"),
    actions: staff
      ? (["editInventory", "startService", "startReturn", "editReturn", "cancel"] as const).filter((a) =>
          canDoLoan(status, a),
        )
      : [],
  };
}

/** Bookings (loans and reservations) over a few weeks, for the calendar view. Agents: their bodies' only. */
export async function loanCalendar(db: Db, actor: Actor, raw: z.input<typeof calendarInput>) {
  const input = calendarInput.parse(raw);
  const from = input.from;
  const to = dateOnly(new Date(fromDateOnly(from).getTime() + input.weeks * 7 * 86_400_000));
  const ids = visibleBodyIds(actor);
  const bodyFilter: Prisma.LoanWhereInput = ids === "all" ? {} : { bodyId: { in: ids } };
  const window = { startDate: { lt: fromDateOnly(to) }, endDate: { gte: fromDateOnly(from) } };
  const [loans, reservations] = await Promise.all([
    db.loan.findMany({
      where: { ...bodyFilter, ...window, status: { in: OPEN_STATUSES } },
      select: {
        id: true,
        number: true,
        status: true,
        startDate: true,
        endDate: true,
        body: { select: { legalName: true } },
        items: { where: { kitId: null }, select: { asset: { select: { tag: true } } } },
      },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      take: 500,
    }),
    isStaff(actor)
      ? db.assetReservation.findMany({
          where: { ...window, cancelledAt: null },
          select: {
            id: true,
            startDate: true,
            endDate: true,
            purpose: true,
            asset: { select: { id: true, tag: true } },
            body: { select: { legalName: true } },
          },
          orderBy: [{ startDate: "asc" }, { id: "asc" }],
          take: 500,
        })
      : Promise.resolve([]),
  ]);
  return {
    from,
    to,
    entries: [
      ...loans.map((l) => ({
        kind: "loan" as const,
        id: l.id,
        label: l.number,
        status: l.status as string,
        body: l.body.legalName,
        assets: l.items.map((i) => i.asset.tag),
        startDate: dateOnly(l.startDate),
        endDate: dateOnly(l.endDate),
      })),
      ...reservations.map((r) => ({
        kind: "reservation" as const,
        id: r.id,
        label: r.purpose || r.asset.tag,
        status: "reserved",
        body: r.body?.legalName ?? "",
        assets: [r.asset.tag],
        startDate: dateOnly(r.startDate),
        endDate: dateOnly(r.endDate),
      })),
    ].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.label.localeCompare(b.label)),
  };
}

/** What a loan form offers: partner bodies with their conventions in force, and lendable assets (not kit items). */
export async function loanFormOptions(db: Db, actor: Actor, now = new Date()) {
  if (!canManageLoans(actor)) return { bodies: [], assets: [] };
  const today = localToday(now);
  const [conventions, assets] = await Promise.all([
    db.convention.findMany({
      where: { status: { in: ["active", "notice_given"] } },
      select: { ...conventionSelect, signatory: { select: { id: true, legalName: true } } },
      orderBy: [{ number: "asc" }],
      take: 1000,
    }),
    db.asset.findMany({
      where: { kitId: null, status: { in: ["in_stock", "reserved", "lent"] } },
      select: {
        id: true,
        tag: true,
        model: true,
        status: true,
        kind: { select: { label: true, isKit: true } },
      },
      orderBy: { tag: "asc" },
      take: 500,
    }),
  ]);
  const bodies = new Map<
    string,
    { id: string; legalName: string; conventions: { id: string; label: string; lastDay: string | null }[] }
  >();
  for (const c of conventions) {
    const last = lastDay(conventionDates(c));
    if (last && last < today) continue;
    const b = bodies.get(c.signatory.id) ?? { ...c.signatory, conventions: [] };
    b.conventions.push({ id: c.id, label: `${c.number} — ${c.title}`, lastDay: last });
    bodies.set(c.signatory.id, b);
  }
  return {
    bodies: [...bodies.values()].sort((a, b) => a.legalName.localeCompare(b.legalName)),
    assets: assets.map((a) => ({
      id: a.id,
      label: `${a.tag} — ${a.kind.label}${a.model ? ` ${a.model}` : ""}`,
      status: a.status,
      isKit: a.kind.isKit,
    })),
  };
}

/** One asset's loans and reservations, newest first (for the asset's page). */
export async function loansOfAsset(db: Db, actor: Actor, assetId: string) {
  const ids = visibleBodyIds(actor);
  const [loans, reservations] = await Promise.all([
    db.loan.findMany({
      where: { items: { some: { assetId } }, ...(ids === "all" ? {} : { bodyId: { in: ids } }) },
      select: {
        id: true,
        number: true,
        status: true,
        startDate: true,
        endDate: true,
        body: { select: { legalName: true } },
      },
      orderBy: [{ startDate: "desc" }, { id: "desc" }],
      take: 100,
    }),
    isStaff(actor)
      ? db.assetReservation.findMany({
          where: { assetId },
          select: {
            id: true,
            startDate: true,
            endDate: true,
            purpose: true,
            cancelledAt: true,
            body: { select: { legalName: true } },
          },
          orderBy: [{ startDate: "desc" }, { id: "desc" }],
          take: 100,
        })
      : Promise.resolve([]),
  ]);
  return {
    loans: loans.map((l) => ({
      ...l,
      startDate: dateOnly(l.startDate),
      endDate: dateOnly(l.endDate),
      body: l.body.legalName,
    })),
    reservations: reservations.map((r) => ({
      ...r,
      startDate: dateOnly(r.startDate),
      endDate: dateOnly(r.endDate),
      body: r.body?.legalName ?? "",
    })),
  };
}

/** A document with its loan, for the PDF: refused as not found beyond the actor's bodies. */
export async function loanDocumentForPdf(db: Db, actor: Actor, documentId: string) {
  const doc = await db.loanDocument.findUnique({
    where: { id: documentId },
    include: {
      signOffs: { orderBy: { at: "asc" } },
      loan: {
        include: {
          body: { select: { legalName: true } },
          convention: { select: { number: true, title: true } },
        },
      },
    },
  });
  if (!doc || !canSeeBody(actor, doc.loan.bodyId)) throw notFound("document");
  return doc;
}

/** A proof of insurance or an insurer's answer, for whoever may see the loan (else not found). */
export async function readLossFile(db: Db, files: FileStore, actor: Actor, fileId: string) {
  const d = await db.lossDeclaration.findFirst({
    where: { OR: [{ proofFileId: fileId }, { answerFileId: fileId }] },
    select: { loan: { select: { bodyId: true } } },
  });
  const file =
    d && canSeeBody(actor, d.loan.bodyId) ? await db.storedFile.findUnique({ where: { id: fileId } }) : null;
  if (!file) throw notFound("file");
  return {
    name: file.name,
    mimeType: file.mimeType,
    size: file.size,
    bytes: await files.get(file.storageKey),
  };
}

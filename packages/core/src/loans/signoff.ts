// Two-party validation of a loan's documents: the technician first, then an agent of the borrowing
// body, each seeing the exact content (its SHA-256 must match what they were shown). On site, the
// agent validates on the technician's tablet with their own password or a one-time code e-mailed to
// them, without ending the technician's session. Both done: the version is frozen.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Db, DbTx, Loan } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { isStaff } from "../access/index.ts";
import { forbidden, invalid, notFound } from "../errors/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import { contentDigest, asReturn } from "./content.ts";
import { mutateLoan, TX } from "./mutate.ts";
import { assertLoanVisible, requireLoanStaff } from "./policy.ts";
import { canDoLoan, nextParty, wipesMissing, type LoanStatus } from "./rules.ts";
import { documentRef, onSiteSignOffInput, requestCodeInput } from "./schema.ts";
import { completeReturn } from "./service.ts";
import type { z } from "zod";

const CODE_TTL_MS = 15 * 60_000;
const MAX_CODE_ATTEMPTS = 5;

type Signer = { userId: string | null; name: string; role: string; method: string };

async function sessionIp(tx: DbTx, sessionId: string | undefined) {
  if (!sessionId) return null;
  const s = await tx.session.findUnique({ where: { id: sessionId }, select: { ip: true } });
  return s?.ip ?? null;
}

async function documentOf(db: Db | DbTx, documentId: string) {
  const doc = await db.loanDocument.findUnique({
    where: { id: documentId },
    include: { loan: { select: { id: true, bodyId: true } } },
  });
  if (!doc) throw notFound("document");
  return doc;
}

/** Records one party's validation of a document version; freezes it and moves the loan on when both are in. */
async function record(
  db: Db,
  actor: Actor,
  input: z.output<typeof documentRef>,
  party: "provider" | "borrower",
  signer: Signer,
  opts: { sessionId?: string; now: Date },
) {
  const doc0 = await documentOf(db, input.documentId);
  return mutateLoan(db, actor, doc0.loan.id, null, async (tx, loan) => {
    const doc = await tx.loanDocument.findUniqueOrThrow({
      where: { id: doc0.id },
      include: { signOffs: true },
    });
    const latest = await tx.loanDocument.findFirst({
      where: { loanId: loan.id, kind: doc.kind },
      orderBy: { version: "desc" },
      select: { id: true },
    });
    if (latest?.id !== doc.id || doc.frozenAt) throw invalid("documentId", "document_not_current");
    if (!canDoLoan(loan.status as LoanStatus, doc.kind === "inventory" ? "signInventory" : "signReturn"))
      throw invalid("status", "loan_wrong_status", { status: loan.status });
    const digest = contentDigest(doc.content);
    if (digest !== input.sha256) throw invalid("sha256", "document_changed");
    const expected = nextParty(doc.signOffs.map((s) => s.party));
    if (expected !== party)
      throw invalid("party", party === "borrower" ? "provider_signs_first" : "already_signed");
    if (doc.kind === "return_report" && party === "provider") {
      // Refused before anyone signs: data-holding items need their wipe recorded.
      const missing = wipesMissing(asReturn(doc.content));
      if (missing.length) throw invalid("wipe", "wipe_required", { assets: missing.join(", ") });
    }
    await tx.loanSignOff.create({
      data: {
        documentId: doc.id,
        party,
        userId: signer.userId,
        name: signer.name,
        role: signer.role,
        method: signer.method,
        ip: await sessionIp(tx, opts.sessionId),
        sha256: digest,
        at: opts.now,
      },
    });
    if (party === "borrower") await freeze(tx, actor, loan, doc, opts.now);
    return { documentId: doc.id, party, sha256: digest, frozen: party === "borrower" };
  });
}

async function freeze(
  tx: DbTx,
  actor: Actor,
  loan: Loan,
  doc: { id: string; kind: string; content: unknown },
  now: Date,
) {
  await tx.loanDocument.update({ where: { id: doc.id }, data: { frozenAt: now } });
  if (doc.kind === "inventory")
    await tx.loan.update({ where: { id: loan.id }, data: { status: "inventory_signed" } });
  else await completeReturn(tx, actor, loan.id, asReturn(doc.content), now);
}

const roleLabel = (actor: Actor) =>
  actor.role === "agent" ? "Agent de l'organisme" : actor.role === "manager" ? "Responsable" : "Technicien";

/** The signed-in person validates: staff for the provider, an agent of the borrowing body for it. */
export async function signOff(
  db: Db,
  actor: Actor,
  raw: z.input<typeof documentRef>,
  opts: { sessionId?: string; now?: Date } = {},
) {
  const input = documentRef.parse(raw);
  const doc = await documentOf(db, input.documentId);
  assertLoanVisible(actor, doc.loan);
  const party = isStaff(actor) ? "provider" : "borrower";
  return record(
    db,
    actor,
    input,
    party,
    { userId: actor.userId || null, name: actor.name, role: roleLabel(actor), method: "session" },
    { sessionId: opts.sessionId, now: opts.now ?? new Date() },
  );
}

/** An agent of the loan's body, found by e-mail (active, not anonymised). */
async function borrowerAgent(db: Db | DbTx, bodyId: string, email: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      role: true,
      active: true,
      anonymisedAt: true,
      passwordHash: true,
      memberships: { where: { bodyId }, select: { bodyId: true } },
    },
  });
  if (!user || !user.active || user.anonymisedAt || user.role !== "agent" || user.memberships.length === 0)
    return null;
  return user;
}

/** E-mails a one-time code to an agent of the borrowing body, for a validation on the technician's tablet. */
export async function requestSignOffCode(
  db: Db,
  actor: Actor,
  raw: z.input<typeof requestCodeInput>,
  now = new Date(),
) {
  requireLoanStaff(actor);
  const input = requestCodeInput.parse(raw);
  const doc = await documentOf(db, input.documentId);
  const agent = await borrowerAgent(db, doc.loan.bodyId, input.email);
  if (!agent) throw invalid("email", "not_borrower_agent");
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const codeHash = await hash(code);
  const loan = await db.loan.findUniqueOrThrow({ where: { id: doc.loan.id }, select: { number: true } });
  await db.$transaction(async (tx) => {
    const row = await tx.loanSignOffCode.create({
      data: {
        documentId: doc.id,
        userId: agent.id,
        codeHash,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      },
    });
    await enqueueMail(tx, {
      dedupKey: `loan.code:${row.id}`,
      template: "loan.code",
      to: agent.email,
      toUserId: agent.id,
      locale: agent.locale,
      always: true,
      data: { number: loan.number, code, name: agent.name, minutes: 15, path: `/prets/${doc.loan.id}` },
    });
  }, TX);
  return { sent: true };
}

/** The borrower's agent validates on the technician's device: their password or the code e-mailed to them. */
export async function signOffOnSite(
  db: Db,
  actor: Actor,
  raw: z.input<typeof onSiteSignOffInput>,
  opts: { sessionId?: string; now?: Date } = {},
) {
  requireLoanStaff(actor);
  const input = onSiteSignOffInput.parse(raw);
  const now = opts.now ?? new Date();
  const doc = await documentOf(db, input.documentId);
  const agent = await borrowerAgent(db, doc.loan.bodyId, input.email);
  let method: "password" | "code";
  if (input.code) {
    method = "code";
    const codes = agent
      ? await db.loanSignOffCode.findMany({
          where: { documentId: doc.id, userId: agent.id, usedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: "desc" },
          take: 1,
        })
      : [];
    const row = codes[0];
    if (!row || row.attempts >= MAX_CODE_ATTEMPTS) throw invalid("code", "code_invalid");
    const ok = await verify(row.codeHash, input.code).catch(() => false);
    if (!ok) {
      await db.loanSignOffCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
      throw invalid("code", "code_invalid");
    }
    await db.loanSignOffCode.update({ where: { id: row.id }, data: { usedAt: now } });
  } else {
    method = "password";
    // Same hashing cost whether or not the address is an agent of the body.
    const hashToCheck =
      agent?.passwordHash ??
      "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const ok = input.password ? await verify(hashToCheck, input.password).catch(() => false) : false;
    if (!ok || !agent) throw invalid("password", "credentials_invalid");
  }
  if (!agent) throw forbidden();
  return record(
    db,
    actor,
    input,
    "borrower",
    { userId: agent.id, name: agent.name, role: "Agent de l'organisme", method },
    { sessionId: opts.sessionId, now },
  );
}

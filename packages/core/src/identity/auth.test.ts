import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_PASSWORD } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { DomainError } from "../errors/index.ts";
import { requestPasswordReset, setPasswordWithToken, signIn } from "./auth.ts";
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor } from "./totp.ts";
import { currentTotp } from "./credentials.ts";
import { invitePerson } from "./people.ts";
import { resolveSession } from "./sessions.ts";
import { render } from "../notifications/index.ts";

const client = { ip: "192.0.2.10" };
const linkIn = (text: string) =>
  /http:\/\/mutuo\.test\/(?:invitation|reinitialisation)\/([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe("authentication", () => {
  let tdb: TestDatabase;
  const secretKey = Buffer.alloc(32, 5);
  const deps = () => ({ db: tdb.prisma(), secretKey });
  /** The newest e-mail queued for `to`, as the outbox renders it. */
  const lastMail = async (to: string) => {
    const m = await tdb
      .prisma()
      .outboxMessage.findFirstOrThrow({ where: { toEmail: to }, orderBy: { createdAt: "desc" } });
    return { to: m.toEmail, ...render(m, "http://mutuo.test") };
  };
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  it("signs an agent in with the right password only", async () => {
    const ok = await signIn(deps(), { email: "Agent@Bellerive.example", password: DEMO_PASSWORD }, client);
    expect(ok.next).toBe("home");
    const session = await resolveSession(tdb.prisma(), ok.token);
    expect(session?.actor).toMatchObject({ role: "agent", name: "Marc Delorme" });
    await expect(
      signIn(deps(), { email: "agent@bellerive.example", password: "wrong-password" }, client),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      signIn(deps(), { email: "nobody@example.test", password: "whatever" }, client),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("locks an account after five failures, even with the right password afterwards", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(
        signIn(deps(), { email: "agent@cepm.example", password: "bad" }, { ip: "192.0.2.20" }),
      ).rejects.toBeInstanceOf(DomainError);
    }
    await expect(
      signIn(deps(), { email: "agent@cepm.example", password: DEMO_PASSWORD }, { ip: "192.0.2.20" }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED", message: "too many failures for this email" });
  });

  it("answers an address without an account exactly as a locked account: same error, same cost", async () => {
    const attempt = async (email: string) => {
      const started = performance.now();
      const error = await signIn(deps(), { email, password: "bad-password" }, { ip: "192.0.2.21" }).catch(
        (e: unknown) => e,
      );
      return { error: error as DomainError, ms: performance.now() - started };
    };
    for (let i = 0; i < 5; i++) {
      expect((await attempt("agent@montclair.example")).error.code).toBe("UNAUTHENTICATED");
      expect((await attempt("personne@inconnu.example")).error.code).toBe("UNAUTHENTICATED");
    }
    const known = await attempt("agent@montclair.example");
    const unknown = await attempt("personne@inconnu.example");
    for (const r of [known, unknown])
      expect(r.error).toMatchObject({ code: "RATE_LIMITED", message: "too many failures for this email" });
    expect(unknown.error.params).toEqual(known.error.params);
    // Both still pay one password hash (tens of milliseconds), so timing tells them apart no better.
    expect(Math.min(known.ms, unknown.ms)).toBeGreaterThan(5);
    expect(known.ms / unknown.ms).toBeGreaterThan(1 / 3);
    expect(known.ms / unknown.ms).toBeLessThan(3);
  });

  it("requires admins to enrol a second factor, then to present it", async () => {
    const first = await signIn(
      deps(),
      { email: "admin@val-orlene.example", password: DEMO_PASSWORD },
      client,
    );
    expect(first.next).toBe("enrol-mfa");
    const pending = (await resolveSession(tdb.prisma(), first.token))!;
    expect(pending.mfaVerified).toBe(false);
    // A code is accepted once: each use below is in a later 30-second step.
    let at = new Date("2026-03-02T09:00:00Z");
    const step = () => {
      const t = (at = new Date(at.getTime() + 30_000));
      return { ...deps(), now: () => t };
    };
    // Called after step() in each call's arguments: a code of that step.
    const code = (secret: string) => currentTotp(secret, at);
    const { secret } = await startTotpEnrolment(deps(), pending);
    await expect(confirmTotpEnrolment(deps(), pending, "000000")).rejects.toMatchObject({ field: "code" });
    await confirmTotpEnrolment(step(), pending, code(secret));
    expect((await resolveSession(tdb.prisma(), first.token))!.mfaVerified).toBe(true);

    const second = await signIn(
      deps(),
      { email: "admin@val-orlene.example", password: DEMO_PASSWORD },
      client,
    );
    expect(second.next).toBe("mfa");
    const s2 = (await resolveSession(tdb.prisma(), second.token))!;
    await verifySecondFactor(step(), s2, code(secret), { ip: "127.0.0.1" });
    expect((await resolveSession(tdb.prisma(), second.token))!.mfaVerified).toBe(true);

    // The seed is not in the database in clear, and another key cannot use it.
    const stored = (
      await tdb.prisma().user.findUniqueOrThrow({ where: { email: "admin@val-orlene.example" } })
    ).totpSecret!;
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(secret);
    const third = (await resolveSession(
      tdb.prisma(),
      (await signIn(deps(), { email: "admin@val-orlene.example", password: DEMO_PASSWORD }, client)).token,
    ))!;
    await expect(
      verifySecondFactor({ ...step(), secretKey: Buffer.alloc(32, 6) }, third, code(secret), {
        ip: "127.0.0.1",
      }),
    ).rejects.toThrow();
    // A seed stored in clear by an earlier version still works, and is sealed once used.
    await tdb
      .prisma()
      .user.update({ where: { email: "admin@val-orlene.example" }, data: { totpSecret: secret } });
    await verifySecondFactor(step(), third, code(secret), { ip: "127.0.0.1" });
    expect(
      (await tdb.prisma().user.findUniqueOrThrow({ where: { email: "admin@val-orlene.example" } }))
        .totpSecret,
    ).toMatch(/^v1:/);
  });

  it("invites by e-mail with a single-use link, and audits it", async () => {
    const admin = (await resolveSession(
      tdb.prisma(),
      (await signIn(deps(), { email: "admin@val-orlene.example", password: DEMO_PASSWORD }, client)).token,
    ))!.actor;
    const body = await tdb
      .prisma()
      .body.findFirstOrThrow({ where: { legalName: "Commune de Roche-Blanche" } });
    const person = await invitePerson(deps(), admin, {
      email: "Jeanne.Morel@roche.example",
      name: "Jeanne Morel",
      role: "agent",
      bodyIds: [body.id],
    });
    expect(person).toMatchObject({ email: "jeanne.morel@roche.example", invitationPending: true });
    const mail = await lastMail("jeanne.morel@roche.example");
    expect(mail.subject).toBe("Votre compte Mutuo");
    const token = linkIn(mail.text);
    // A short password is reported on its field, and the link stays usable.
    await expect(setPasswordWithToken(deps(), token, "invitation", "short")).rejects.toMatchObject({
      issues: [{ path: ["password"], message: "password_length" }],
    });
    // Accepting the invitation signs the person in.
    const accepted = await setPasswordWithToken(deps(), token, "invitation", "jeanne-2026-password", client);
    expect(accepted?.next).toBe("home");
    expect((await resolveSession(tdb.prisma(), accepted!.token))?.actor.name).toBe("Jeanne Morel");
    await expect(
      setPasswordWithToken(deps(), token, "invitation", "jeanne-2026-password"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (
        await signIn(
          deps(),
          { email: "jeanne.morel@roche.example", password: "jeanne-2026-password" },
          client,
        )
      ).next,
    ).toBe("home");
    const events = await tdb
      .prisma()
      .auditEvent.findMany({ where: { entityId: person.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([
      ["create", "Hélène Marchal"],
      ["update", "Jeanne Morel"],
    ]);
    expect(JSON.stringify(events[1]!.changes)).toContain("***");
  });

  it("resets a password by e-mail and closes the other sessions", async () => {
    const before = await signIn(
      deps(),
      { email: "agent@villeneuve.example", password: DEMO_PASSWORD },
      client,
    );
    await requestPasswordReset(deps(), "agent@villeneuve.example");
    await requestPasswordReset(deps(), "unknown@example.test"); // same silent answer
    expect(await tdb.prisma().outboxMessage.count({ where: { toEmail: "unknown@example.test" } })).toBe(0);
    const token = linkIn((await lastMail("agent@villeneuve.example")).text);
    await setPasswordWithToken(deps(), token, "password_reset", "villeneuve-new-2026");
    expect(await resolveSession(tdb.prisma(), before.token)).toBeNull();
    await expect(
      signIn(deps(), { email: "agent@villeneuve.example", password: DEMO_PASSWORD }, client),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("keeps the audit trail append-only", async () => {
    const db = tdb.prisma();
    await expect(db.auditEvent.updateMany({ data: { actorLabel: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });
});

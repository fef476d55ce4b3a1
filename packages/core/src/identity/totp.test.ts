import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_PASSWORD } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { signIn } from "./auth.ts";
import { currentTotp } from "./credentials.ts";
import { countRecoveryCodes, regenerateRecoveryCodes, resetSecondFactor } from "./recovery-codes.ts";
import { resolveSession, type SessionInfo } from "./sessions.ts";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, verifySecondFactor } from "./totp.ts";

describe("second factor: codes accepted once, recovery codes, reset by an administrator", () => {
  let tdb: TestDatabase;
  const secretKey = Buffer.alloc(32, 7);
  let clock = new Date("2026-03-02T09:00:10Z");
  const deps = () => ({ db: tdb.prisma(), secretKey, now: () => clock });
  const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
  const session = async (email: string): Promise<SessionInfo> => {
    const { token } = await signIn(deps(), { email, password: DEMO_PASSWORD }, { ip: "192.0.2.50" });
    return (await resolveSession(tdb.prisma(), token, clock))!;
  };
  const signInToken = () =>
    signIn(deps(), { email: "manager@val-orlene.example", password: DEMO_PASSWORD }, { ip: "192.0.2.50" });
  let secret = "";
  let codes: string[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  it("gives 10 distinct recovery codes at enrolment, stored only as hashes", async () => {
    const s = await session("manager@val-orlene.example");
    secret = (await startTotpEnrolment(deps(), s)).secret;
    ({ recoveryCodes: codes } = await confirmTotpEnrolment(deps(), s, currentTotp(secret, clock)));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const stored = await tdb.prisma().recoveryCode.findMany({ where: { userId: s.userId } });
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const c of codes) expect(dump).not.toContain(c);
    expect(stored[0]!.codeHash).toMatch(/^\$argon2id\$/);
  });

  it("accepts a TOTP code once: the enrolment code and any code of a used step are refused", async () => {
    const s = await session("manager@val-orlene.example");
    // The code that confirmed enrolment, within the same 30 seconds.
    await expect(
      verifySecondFactor(deps(), s, currentTotp(secret, clock), { ip: "127.0.0.1" }),
    ).rejects.toMatchObject({
      field: "code",
      message: "code already used",
    });
    later(30);
    await verifySecondFactor(deps(), s, currentTotp(secret, clock), { ip: "127.0.0.1" });
    const again = await session("manager@val-orlene.example");
    await expect(
      verifySecondFactor(deps(), again, currentTotp(secret, clock), { ip: "127.0.0.1" }),
    ).rejects.toMatchObject({
      message: "code already used",
    });
    // The previous step's code (accepted for clock drift) is older than the used one: refused too.
    await expect(
      verifySecondFactor(deps(), again, currentTotp(secret, new Date(clock.getTime() - 30_000)), {
        ip: "127.0.0.1",
      }),
    ).rejects.toMatchObject({ message: "code already used" });
    // Two sign-ins racing with the same fresh code: one wins.
    later(30);
    const [a, b] = [await session("manager@val-orlene.example"), await session("manager@val-orlene.example")];
    const code = currentTotp(secret, clock);
    const results = await Promise.allSettled([
      verifySecondFactor(deps(), a, code, { ip: "127.0.0.1" }),
      verifySecondFactor(deps(), b, code, { ip: "127.0.0.1" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("signs in with a recovery code once, however it is typed", async () => {
    const s = await session("manager@val-orlene.example");
    await verifySecondFactor(deps(), s, ` ${codes[0]!.toUpperCase().replace("-", " ")} `, {
      ip: "127.0.0.1",
    });
    expect((await tdb.prisma().session.findUniqueOrThrow({ where: { id: s.id } })).mfaVerified).toBe(true);
    expect(await countRecoveryCodes(tdb.prisma(), s.userId)).toBe(9);
    const again = await session("manager@val-orlene.example");
    await expect(verifySecondFactor(deps(), again, codes[0]!, { ip: "127.0.0.1" })).rejects.toMatchObject({
      field: "code",
      message: "invalid code",
    });
    await expect(verifySecondFactor(deps(), again, "zzzzz-zzzzz", { ip: "127.0.0.1" })).rejects.toMatchObject(
      { field: "code" },
    );
    const audit = await tdb.prisma().auditEvent.findMany({
      where: { entityType: "User", entityId: s.userId },
      orderBy: { at: "desc" },
      take: 1,
    });
    expect(JSON.stringify(audit[0]!.changes)).toContain("signedInWithRecoveryCode");
  });

  it("regenerates the codes: the old ones stop working", async () => {
    const s = await session("manager@val-orlene.example");
    later(30);
    await verifySecondFactor(deps(), s, currentTotp(secret, clock), { ip: "127.0.0.1" });
    const fresh = await regenerateRecoveryCodes(tdb.prisma(), s.actor, clock);
    expect(fresh).toHaveLength(10);
    const next = await session("manager@val-orlene.example");
    await expect(verifySecondFactor(deps(), next, codes[1]!, { ip: "127.0.0.1" })).rejects.toMatchObject({
      field: "code",
    });
    await verifySecondFactor(deps(), next, fresh[3]!, { ip: "127.0.0.1" });
    codes = fresh;
  });

  it("lets an administrator, and only them, reset another person's second factor, audited", async () => {
    const adminSession = await session("admin@val-orlene.example");
    const manager = await session("manager@val-orlene.example");
    const agent = (await session("agent@bellerive.example")).actor;
    await expect(resetSecondFactor(tdb.prisma(), agent, manager.userId, clock)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      resetSecondFactor(tdb.prisma(), manager.actor, adminSession.userId, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The admin acts (their own second factor is not needed for this rule).
    await resetSecondFactor(tdb.prisma(), adminSession.actor, manager.userId, clock);
    const user = await tdb.prisma().user.findUniqueOrThrow({ where: { id: manager.userId } });
    expect(user).toMatchObject({ totpSecret: null, totpPending: null, totpLastStep: null });
    expect(await countRecoveryCodes(tdb.prisma(), manager.userId)).toBe(0);
    const sessions = await tdb
      .prisma()
      .session.findMany({ where: { userId: manager.userId, revokedAt: null } });
    expect(sessions).toEqual([]);
    const audit = await tdb.prisma().auditEvent.findFirstOrThrow({
      where: { entityType: "User", entityId: manager.userId, actorId: adminSession.userId },
      orderBy: { at: "desc" },
    });
    expect(JSON.stringify(audit.changes)).toContain("secondFactorReset");
    await expect(
      resetSecondFactor(tdb.prisma(), adminSession.actor, adminSession.userId, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The manager signs in with the password alone now.
    expect((await signInToken()).next).toBe("home");
  });

  it("turns the factor off with a fresh code only, and forgets the recovery codes", async () => {
    const s = await session("tech@val-orlene.example");
    const seed = (await startTotpEnrolment(deps(), s)).secret;
    later(30);
    const code = currentTotp(seed, clock);
    await confirmTotpEnrolment(deps(), s, code);
    await expect(disableTotp(deps(), s.actor, code)).rejects.toMatchObject({ message: "code already used" });
    later(30);
    await disableTotp(deps(), s.actor, currentTotp(seed, clock));
    expect(await countRecoveryCodes(tdb.prisma(), s.userId)).toBe(0);
  });

  it("five wrong codes after a right password lock the address for 15 minutes, even for the right code", async () => {
    const email = "tech2@val-orlene.example";
    const s = await session(email);
    const seed = (await startTotpEnrolment(deps(), s)).secret;
    later(30);
    await confirmTotpEnrolment(deps(), s, currentTotp(seed, clock));
    later(30);
    const next = await session(email);
    const wrong = currentTotp(seed, clock) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++)
      await expect(verifySecondFactor(deps(), next, wrong, { ip: "192.0.2.51" })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    await expect(
      verifySecondFactor(deps(), next, currentTotp(seed, clock), { ip: "192.0.2.51" }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The password sign-in is locked as well, then both open again after 15 minutes.
    await expect(
      signIn(deps(), { email, password: DEMO_PASSWORD }, { ip: "192.0.2.50" }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    later(15 * 60 + 30);
    const fresh = await session(email);
    await verifySecondFactor(deps(), fresh, currentTotp(seed, clock), { ip: "192.0.2.51" });
    const row = await tdb.prisma().session.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(row.mfaVerified).toBe(true);
  });
});

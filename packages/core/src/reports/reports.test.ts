import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemoHistory } from "../demo/index.ts";
import { localFileStore } from "../files/index.ts";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import type { Mailer } from "../jobs/define.ts";
import { actorByEmail } from "../identity/index.ts";
import { deliverBatch } from "../notifications/index.ts";
import { pdfText } from "../documents/index.ts";
import {
  createSubscription,
  listBreaches,
  pauseSubscription,
  readSubscription,
  updateSubscription,
  readReport,
  refreshRollup,
  reportCsv,
  reportPdf,
  reportXlsx,
  sendScheduledReports,
  subscriptionUpdateInput,
  type ReportData,
  type SubscriptionUpdateInput,
} from "./index.ts";
import { periodOf, monthOfInstant } from "./rules.ts";

describe("reports", () => {
  let tdb: TestDatabase;
  const now = new Date();
  const year = { kind: "year" as const, month: monthOfInstant(now) };
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-reports-"));
    await seedDemoHistory(tdb.prisma(), localFileStore(dir), {
      baseUrl: "http://mutuo.test",
      now,
      target: 800,
    });
    await refreshRollup(tdb.prisma(), now);
  }, 120_000);
  afterAll(async () => tdb.drop());

  /** The count made directly on the tickets, with the definitions of the page. */
  async function direct(bodyId?: string) {
    const p = periodOf("year", monthOfInstant(now));
    const [r] = await tdb.prisma().$queryRawUnsafe<{ tickets: number; met: number; breached: number }[]>(
      `SELECT count(*)::int AS tickets,
        count(*) FILTER (WHERE COALESCE("interventionAt", "resolvedAt") <= "interventionDueAt")::int AS met,
        count(*) FILTER (WHERE COALESCE("interventionAt", "resolvedAt") > "interventionDueAt"
          OR (COALESCE("interventionAt", "resolvedAt") IS NULL AND "interventionDueAt" < $3)
          OR ("interventionDueAt" IS NULL AND "interventionState" = 'breached'))::int AS breached
       FROM "Ticket" WHERE "receivedAt" >= $1 AND "receivedAt" < $2 ${bodyId ? `AND "bodyId" = '${bodyId}'` : ""}`,
      p.start,
      p.end,
      now,
    );
    return r!;
  }
  const kpi = (d: ReportData, id: string) => d.kpis.find((k) => k.id === id)!;
  const monthsTotal = (d: ReportData) => d.tables.find((t) => t.id === "months")!.totals!;

  it("reads the year from the rollup, agreeing with a count made on the tickets", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const d = await readReport(db, manager, { reportId: "sla", period: year, filters: {} }, now);
    const sql = await direct();
    expect(sql.tickets).toBeGreaterThan(100);
    expect(kpi(d, "tickets").value).toBe(sql.tickets);
    expect(monthsTotal(d)).toMatchObject({ tickets: sql.tickets, iMet: sql.met, iBreached: sql.breached });
    expect(d.charts.map((c) => c.id)).toEqual(["rates", "channels", "times"]);
    expect(kpi(d, "iTime").display).toMatch(/·/);
    // The distribution of times holds every ticket whose time to resolution is known, once; the
    // first bucket is the tickets resolved in under an hour of working time.
    const times = d.charts.find((c) => c.id === "times")!.data.filter((x) => x.series === "Résolution");
    const [known] = await db.$queryRawUnsafe<{ n: number; fast: number }[]>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE tt."resolutionMinutes" < 60)::int AS fast
       FROM "ReportTicketTime" tt JOIN "Ticket" t ON t."id" = tt."ticketId"
       WHERE tt."resolutionMinutes" IS NOT NULL AND t."receivedAt" >= $1 AND t."receivedAt" < $2`,
      periodOf("year", monthOfInstant(now)).start,
      periodOf("year", monthOfInstant(now)).end,
    );
    expect(times.reduce((a, x) => a + x.y, 0)).toBe(known!.n);
    expect(times[0]!.y).toBe(known!.fast);
  });

  it("keeps the rollup up to date by rebuilding only the months whose tickets changed", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const read = () => readReport(db, manager, { reportId: "sla", period: year, filters: {} }, now);
    const before = monthsTotal(await read());
    const ticket = await db.ticket.findFirstOrThrow({
      where: {
        csatScore: null,
        resolvedAt: { not: null },
        status: "closed",
        receivedAt: { gte: periodOf("year", monthOfInstant(now)).start },
      },
    });
    expect(await refreshRollup(db, now)).toEqual([]); // nothing changed since
    await db.ticket.update({ where: { id: ticket.id }, data: { csatScore: 5, csatAt: now } });
    expect(await refreshRollup(db, now)).toEqual([monthOfInstant(ticket.receivedAt)]);
    const after = monthsTotal(await read());
    expect(after.tickets).toBe(before.tickets);
    expect(after.csatRate).not.toBe(before.csatRate);
  });

  it("shows the training, equipment and billing dashboards from the demo, agreeing with SQL counts", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const read = (reportId: string, period = year, filters = {}) =>
      readReport(db, manager, { reportId, period, filters }, now);
    const p = periodOf("year", monthOfInstant(now));

    const training = await read("training");
    const [t] = await db.$queryRaw<{ cancelled: number; answers: number }[]>`
      SELECT count(*) FILTER (WHERE s."status" = 'cancelled')::int AS "cancelled",
        (SELECT count(*) FROM "TrainingSurveyAnswer" x JOIN "TrainingRegistration" r ON r."id" = x."registrationId"
          JOIN "TrainingSession" s2 ON s2."id" = r."sessionId"
          WHERE s2."startsAt" >= ${p.start} AND s2."startsAt" < ${p.end})::int AS "answers"
      FROM "TrainingSession" s WHERE s."startsAt" >= ${p.start} AND s."startsAt" < ${p.end}`;
    expect(kpi(training, "cancelled").value).toBe(t!.cancelled);
    expect(Number(kpi(training, "held").value)).toBeGreaterThan(0);
    const courses = training.tables.find((x) => x.id === "courses")!.rows;
    expect(courses.reduce((a, r) => a + Number(r.answers), 0)).toBe(t!.answers);
    expect(training.tables.find((x) => x.id === "days")!.rows.length).toBeGreaterThan(0);
    expect(training.charts.map((c) => c.id)).toEqual(["sessions", "fill", "satisfaction"]);

    const equipment = await read("equipment");
    const [e] = await db.$queryRaw<{ assets: number; lent: number; losses: number }[]>`
      SELECT (SELECT count(*) FROM "Asset")::int AS "assets",
        (SELECT count(*) FROM "Asset" WHERE "status" = 'lent')::int AS "lent",
        (SELECT count(*) FROM "LossDeclaration" WHERE "declaredAt" >= ${p.start} AND "declaredAt" < ${p.end})::int AS "losses"`;
    expect(kpi(equipment, "assets").value).toBe(e!.assets);
    expect(kpi(equipment, "lent").value).toBe(e!.lent);
    expect(kpi(equipment, "losses").value).toBe(e!.losses);
    expect(equipment.tables.find((x) => x.id === "kinds")!.totals!.total).toBe(e!.assets);

    const lastYear = { kind: "year" as const, month: `${Number(monthOfInstant(now).slice(0, 4)) - 1}-06` };
    const billing = await read("billing", lastYear);
    const [b] = await db.$queryRaw<{ due: number; paid: number }[]>`
      SELECT (SELECT COALESCE(sum("totalCents"), 0) FROM "Statement" WHERE "status" = 'issued'
                AND "periodFrom" >= ${`${lastYear.month.slice(0, 4)}-01-01`}::date
                AND "periodFrom" < ${`${Number(lastYear.month.slice(0, 4)) + 1}-01-01`}::date)::int
           - (SELECT COALESCE(sum(c."amountCents"), 0) FROM "CreditNote" c JOIN "Statement" s ON s."id" = c."statementId"
                WHERE s."status" = 'issued' AND s."periodFrom" >= ${`${lastYear.month.slice(0, 4)}-01-01`}::date
                AND s."periodFrom" < ${`${Number(lastYear.month.slice(0, 4)) + 1}-01-01`}::date)::int AS "due",
        (SELECT COALESCE(sum(pm."amountCents"), 0) FROM "StatementPayment" pm JOIN "Statement" s ON s."id" = pm."statementId"
                WHERE s."status" = 'issued' AND s."periodFrom" >= ${`${lastYear.month.slice(0, 4)}-01-01`}::date
                AND s."periodFrom" < ${`${Number(lastYear.month.slice(0, 4)) + 1}-01-01`}::date)::int AS "paid"`;
    expect(b!.due).toBeGreaterThan(0);
    expect(kpi(billing, "due").value).toBe(b!.due);
    expect(kpi(billing, "paid").value).toBe(b!.paid);
    expect(kpi(billing, "outstanding").value).toBe(b!.due - b!.paid);
    const services = billing.tables.find((x) => x.id === "services")!.rows;
    expect(Math.round(services.reduce((a, r) => a + Number(r.due), 0) * 100)).toBeLessThanOrEqual(b!.due);

    // The exports work from the same data.
    expect(pdfText(Buffer.from((await reportPdf(equipment, now)).bytes))).toContain(
      "Matériel par type et statut",
    );
    expect(Buffer.from(reportCsv(training).bytes).toString("utf8")).toContain("Satisfaction par cours");

    // An agent reads the equipment of their bodies only, and not the billing report.
    const agent = (await actorByEmail(db, "agent@saint-aubin.example"))!;
    const mine = await readReport(db, agent, { reportId: "equipment", period: year, filters: {} }, now);
    const [held] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "Asset" WHERE "bodyId" = ANY(${agent.bodyIds}::uuid[])`;
    expect(kpi(mine, "assets").value).toBe(held!.n);
    await expect(
      readReport(db, agent, { reportId: "billing", period: year, filters: {} }, now),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("limits a partner agent to their body, and refuses another body or a reversed period", async () => {
    const db = tdb.prisma();
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    const d = await readReport(db, agent, { reportId: "sla", period: year, filters: {} }, now);
    const bodies = d.tables.find((t) => t.id === "bodies")!.rows;
    expect(bodies.length).toBeLessThanOrEqual(1);
    const sql = await direct(agent.bodyIds[0]);
    expect(kpi(d, "tickets").value).toBe(sql.tickets);
    const other = await db.body.findFirstOrThrow({ where: { id: { notIn: agent.bodyIds } } });
    await expect(
      readReport(db, agent, { reportId: "sla", period: year, filters: { body: other.id } }, now),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "report_unknown_body" });
    await expect(
      readReport(
        db,
        agent,
        { reportId: "sla", period: { kind: "custom", from: "2026-05", to: "2026-02" }, filters: {} },
        now,
      ),
    ).rejects.toMatchObject({ code: "VALIDATION", message: "report_period_order" });
    const breaches = await listBreaches(db, agent, { reportId: "sla", period: year, filters: {} }, now);
    const bodyNames = new Set(breaches.items.map((b) => b.body));
    expect(bodyNames.size).toBeLessThanOrEqual(1);
  });

  it("exports CSV, XLSX and PDF whose numbers agree", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const d = await readReport(db, manager, { reportId: "sla", period: year, filters: {} }, now);
    const t = monthsTotal(d);
    const csv = Buffer.from(reportCsv(d).bytes).toString("utf8");
    expect(csv).toContain(`Total;${t.tickets};${t.iMet};${t.iBreached}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await reportXlsx(d)).bytes) as never);
    const sheet = wb.getWorksheet("Par mois")!;
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(last.slice(1, 5)).toEqual(["Total", t.tickets, t.iMet, t.iBreached]);
    const pdf = Buffer.from((await reportPdf(d)).bytes);
    const text = pdfText(pdf);
    expect(text).toContain("Objectifs respectés par mois");
    expect(text).toContain("Comment c'est calculé");
    expect(text).toMatch(new RegExp(`Total\\s+${t.tickets}\\s+${t.iMet}\\s+${t.iBreached}`));
    // The chart is vector drawing in the page (pdfmake's svg node): its axis labels are text.
    expect(text).toContain("Objectifs respectés (%)");
    expect(execFileSync("pdfinfo", ["-"], { input: pdf }).toString()).toMatch(/Pages:\s+\d+/);
  });

  it("refuses a subscription without recipients, or about another body for a body's agents", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const base = {
      reportId: "sla",
      label: "Test",
      filters: {},
      frequency: "monthly" as const,
      toManagers: false,
      emails: [],
      format: "pdf" as const,
    };
    await expect(createSubscription(db, manager, base)).rejects.toMatchObject({
      message: "report_no_recipients",
    });
    await expect(
      createSubscription(db, manager, { ...base, agentsOfBodyId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ message: "report_unknown_body" });
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    await expect(createSubscription(db, agent, { ...base, toManagers: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("sends each partner body's monthly report once to its agents, with the PDF, whatever the workers", async () => {
    const db = tdb.prisma();
    const first = periodOf("month", monthOfInstant(now)).end; // the 1st of next month
    const at = new Date(first.getTime() + 6 * 3600_000);
    // The demo's history of sent reports is there already.
    const before = await db.reportRun.count();
    expect(before).toBeGreaterThan(0);
    const [a, b] = await Promise.all([sendScheduledReports(db, at), sendScheduledReports(db, at)]);
    expect(await sendScheduledReports(db, new Date(at.getTime() + 3600_000))).toBe(0);
    const subs = await db.reportSubscription.count();
    expect(a + b).toBe(subs);
    expect(await db.reportRun.count()).toBe(before + subs);
    const mails = await db.outboxMessage.findMany({ where: { template: "report.scheduled" } });
    const keys = mails.map((m) => `${(m.data as { reportRunId: string }).reportRunId}:${m.toEmail}`);
    expect(new Set(keys).size).toBe(keys.length);
    const agent = await db.user.findFirstOrThrow({
      where: { email: "agent@bellerive.example" },
      include: { memberships: true },
    });
    const own = mails.filter((m) => m.toEmail === agent.email);
    expect(own).toHaveLength(agent.memberships.length);
    // Before the next period ends, nothing more.
    expect(await sendScheduledReports(db, new Date(at.getTime() + 20 * 86_400_000))).toBe(0);

    const sent: Parameters<Mailer["send"]>[0][] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m) };
    while ((await deliverBatch(db, mailer, "https://mutuo.test", new Date(at.getTime() + 60_000))).sent > 0);
    const toAgent = sent.find((m) => m.to === agent.email)!;
    expect(toAgent.subject).toMatch(/^Rapport SLA — /);
    expect(toAgent.attachments?.[0]).toMatchObject({ contentType: "application/pdf" });
    expect(pdfText(toAgent.attachments![0]!.content)).toContain("Rapport SLA");
  }, 120_000);

  describe("editing and pausing a subscription", () => {
    const base = {
      label: "Rapport de Bellerive",
      filters: {},
      frequency: "monthly" as const,
      toManagers: false,
      emails: ["mairie@bellerive.example"],
      format: "pdf" as const,
    };

    it("edits with the same rules as creation, and keeps a built-in's scope", async () => {
      const db = tdb.prisma();
      const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
      const bellerive = await db.body.findFirstOrThrow({
        where: { legalName: { startsWith: "Commune de Bellerive" } },
      });
      const other = await db.body.findFirstOrThrow({
        where: { legalName: { startsWith: "Commune de Villeneuve" } },
      });
      const { id } = await createSubscription(db, manager, { ...base, reportId: "sla" });
      // Through the procedure's schema: addresses are trimmed, lower-cased, then deduplicated.
      await updateSubscription(
        db,
        manager,
        subscriptionUpdateInput.parse({
          ...base,
          id,
          label: "Bellerive, chaque trimestre",
          frequency: "quarterly",
          endsOn: "2030-12-31",
          agentsOfBodyId: bellerive.id,
          emails: ["Maire@Bellerive.example", "maire@bellerive.example"],
          format: "link",
        }),
      );
      const s = await readSubscription(db, manager, id);
      expect(s).toMatchObject({
        label: "Bellerive, chaque trimestre",
        frequency: "quarterly",
        endsOn: "2030-12-31",
        agentsOfBodyId: bellerive.id,
        agentsOfBody: bellerive.legalName,
        filters: { body: bellerive.id },
        emails: ["maire@bellerive.example"],
        format: "link",
        reportId: "sla",
      });
      const edit = (patch: object) => updateSubscription(db, manager, { ...base, id, ...patch });
      await expect(edit({ emails: [] })).rejects.toMatchObject({
        message: "report_no_recipients",
        field: "recipients",
      });
      await expect(edit({ agentsOfBodyId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
        message: "report_unknown_body",
      });
      await expect(edit({ agentsOfBodyId: bellerive.id, filters: { body: other.id } })).rejects.toMatchObject(
        { message: "report_other_body" },
      );
      await expect(edit({ filters: { priority: "nonsense" } })).rejects.toMatchObject({
        message: "report_unknown",
      });
      await expect(
        updateSubscription(db, manager, { ...base, id: "00000000-0000-4000-8000-000000000000" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Nothing of the refused edits was written.
      expect((await readSubscription(db, manager, id)).label).toBe("Bellerive, chaque trimestre");

      // A body's built-in report: frequency, end, format and outside addresses change; not its body.
      const builtin = await db.reportSubscription.findUniqueOrThrow({
        where: { builtin: `sla-monthly-body:${bellerive.id}` },
      });
      const scope = { filters: { body: bellerive.id }, agentsOfBodyId: bellerive.id, toManagers: false };
      await updateSubscription(db, manager, {
        ...base,
        ...scope,
        id: builtin.id,
        frequency: "quarterly",
        emails: ["cabinet@bellerive.example"],
      });
      expect(await db.reportSubscription.findUniqueOrThrow({ where: { id: builtin.id } })).toMatchObject({
        frequency: "quarterly",
        emails: ["cabinet@bellerive.example"],
        builtin: `sla-monthly-body:${bellerive.id}`,
      });
      const patches: Partial<SubscriptionUpdateInput>[] = [
        { agentsOfBodyId: other.id, filters: { body: other.id } },
        { agentsOfBodyId: undefined, filters: {} },
        { toManagers: true },
      ];
      for (const patch of patches)
        await expect(
          updateSubscription(db, manager, { ...base, ...scope, ...patch, id: builtin.id }),
        ).rejects.toMatchObject({ message: "report_builtin_scope" });
      const all = await db.reportSubscription.findUniqueOrThrow({ where: { builtin: "sla-monthly-all" } });
      await expect(
        updateSubscription(db, manager, {
          ...base,
          id: all.id,
          toManagers: true,
          filters: { body: other.id },
        }),
      ).rejects.toMatchObject({ message: "report_builtin_scope" });
      await updateSubscription(db, manager, {
        ...base,
        id: builtin.id,
        ...scope,
        frequency: "monthly",
        emails: [],
      });

      // Agents neither read nor edit nor pause subscriptions.
      const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
      await expect(readSubscription(db, agent, builtin.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        updateSubscription(db, agent, { ...base, ...scope, id: builtin.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(pauseSubscription(db, agent, builtin.id, true, now)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await db.reportSubscription.delete({ where: { id } });
    });

    it("the worker skips a paused subscription, and sends it again once resumed", async () => {
      const db = tdb.prisma();
      const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
      const all = await db.reportSubscription.findUniqueOrThrow({ where: { builtin: "sla-monthly-all" } });
      await pauseSubscription(db, manager, all.id, true, now);
      expect((await readSubscription(db, manager, all.id)).pausedAt).toEqual(now);
      // The month after next: every monthly subscription is due again, but not the paused one.
      const next = periodOf("month", monthOfInstant(periodOf("month", monthOfInstant(now)).end)).end;
      const at = new Date(next.getTime() + 6 * 3600_000);
      const key = monthOfInstant(new Date(next.getTime() - 86_400_000));
      const runsOf = async (subscriptionId: string) =>
        db.reportRun.count({ where: { subscriptionId, periodKey: key } });
      expect(await sendScheduledReports(db, at)).toBeGreaterThan(0);
      expect(await runsOf(all.id)).toBe(0);
      const body = await db.reportSubscription.findFirstOrThrow({
        where: { builtin: { startsWith: "sla-monthly-body:" } },
      });
      expect(await runsOf(body.id)).toBe(1);
      expect(await sendScheduledReports(db, new Date(at.getTime() + 60_000))).toBe(0);

      await pauseSubscription(db, manager, all.id, false, now);
      expect((await readSubscription(db, manager, all.id)).pausedAt).toBeNull();
      expect(await sendScheduledReports(db, new Date(at.getTime() + 120_000))).toBe(1);
      expect(await runsOf(all.id)).toBe(1);
      const s = await readSubscription(db, manager, all.id);
      expect(s.runs[0]).toMatchObject({ periodKey: key });
      expect(s.runs[0]!.recipients).toContain("manager@val-orlene.example");
    }, 120_000);
  });
});

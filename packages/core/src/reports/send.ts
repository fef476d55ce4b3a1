// Scheduled reports: the worker builds each subscription's report once per period (kept as a run,
// unique per subscription and period) and queues one e-mail per recipient through the outbox
// (dedupKey per run and address). The subscription's row is locked while its run is built, so two
// workers never keep it twice; a crash before the commit leaves nothing, and the next pass redoes it.
import type { Db, Prisma } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { enqueueMail } from "../notifications/index.ts";
import { reportPdf } from "./exports.ts";
import { readReport } from "./queries.ts";
import { DEFAULT_SUBSCRIPTIONS } from "./registry.ts";
import { isDue, scheduledPeriod, type Period } from "./rules.ts";

/** The reader of scheduled reports: sees every body; the subscription's filters scope the report. */
const SCHEDULER: Actor = { userId: "", name: "Mutuo", role: "manager", bodyIds: [], activeBodyId: null };

/** Creates the built-in subscriptions that are missing (a new partner body gets its own). */
export async function ensureDefaultSubscriptions(db: Db): Promise<void> {
  const bodies = await db.body.findMany({
    where: {
      status: "active",
      kind: { not: "provider" },
      memberships: { some: { user: { role: "agent", active: true } } },
    },
    select: { id: true, legalName: true },
  });
  const data: Prisma.ReportSubscriptionCreateManyInput[] = DEFAULT_SUBSCRIPTIONS.flatMap((d) =>
    d.audience === "managers"
      ? [
          {
            builtin: d.key,
            reportId: d.reportId,
            frequency: d.frequency,
            label: d.label,
            toManagers: true,
            filters: {},
          } as Prisma.ReportSubscriptionCreateManyInput,
        ]
      : bodies.map((b) => ({
          builtin: `${d.key}:${b.id}`,
          reportId: d.reportId,
          frequency: d.frequency,
          label: `${d.label} — ${b.legalName}`,
          agentsOfBodyId: b.id,
          filters: { body: b.id },
        })),
  );
  if (data.length) await db.reportSubscription.createMany({ data, skipDuplicates: true });
}

async function recipientsOf(
  db: Db,
  s: { toManagers: boolean; agentsOfBodyId: string | null; emails: string[] },
): Promise<{ email: string; userId: string | null; locale: string }[]> {
  const users = await db.user.findMany({
    where: {
      active: true,
      anonymisedAt: null,
      OR: [
        ...(s.toManagers ? [{ role: "manager" as const }] : []),
        ...(s.agentsOfBodyId
          ? [{ role: "agent" as const, memberships: { some: { bodyId: s.agentsOfBodyId } } }]
          : []),
      ],
    },
    select: { id: true, email: true, locale: true },
    orderBy: { email: "asc" },
  });
  const out = new Map<string, { email: string; userId: string | null; locale: string }>();
  if (s.toManagers || s.agentsOfBodyId)
    for (const u of users) out.set(u.email, { email: u.email, userId: u.id, locale: u.locale });
  for (const e of s.emails) if (!out.has(e)) out.set(e, { email: e, userId: null, locale: "fr" });
  return [...out.values()];
}

/** A subscription's report for one period, as the worker sends it: the data, the PDF and the
 * recipients (also used by the demo to seed past runs). */
export async function buildScheduledReport(
  db: Db,
  s: {
    reportId: string;
    filters: Prisma.JsonValue;
    toManagers: boolean;
    agentsOfBodyId: string | null;
    emails: string[];
  },
  p: Period,
  now: Date,
) {
  const filters = s.filters as Record<string, string>;
  const data = await readReport(
    db,
    SCHEDULER,
    {
      reportId: s.reportId,
      period:
        p.kind === "custom" ? { kind: "custom", from: p.from, to: p.from } : { kind: p.kind, month: p.from },
      filters,
    },
    now,
  );
  const pdf = await reportPdf(data, now);
  const recipients = await recipientsOf(db, s);
  return { data, pdf, recipients, bodyId: filters.body ?? null };
}

/** Sends what is due at `now`. Returns the number of reports built. Idempotent. */
export async function sendScheduledReports(db: Db, now: Date): Promise<number> {
  await ensureDefaultSubscriptions(db);
  // A paused subscription sends nothing; the check is repeated under the row lock below, so a
  // pause made while its report is being built still wins.
  const subs = await db.reportSubscription.findMany({
    where: { pausedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  let built = 0;
  for (const s of subs) {
    const sp = scheduledPeriod(s.frequency, now);
    if (!isDue(s, sp.end, now)) continue;
    if (
      await db.reportRun.findUnique({
        where: { subscriptionId_periodKey: { subscriptionId: s.id, periodKey: sp.key } },
      })
    )
      continue;
    // Built outside the transaction (a PDF takes a second or two); two workers may both build it,
    // only the first to commit keeps it: the run is unique per subscription and period.
    const { data, pdf, recipients, bodyId } = await buildScheduledReport(db, s, sp.period, now);
    const done = await db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "ReportSubscription" WHERE "id" = ${s.id}::uuid AND "pausedAt" IS NULL
          FOR UPDATE SKIP LOCKED`;
        if (locked.length === 0) return false;
        const exists = await tx.reportRun.findUnique({
          where: { subscriptionId_periodKey: { subscriptionId: s.id, periodKey: sp.key } },
        });
        if (exists) return false;
        const run = await tx.reportRun.create({
          data: {
            subscriptionId: s.id,
            periodKey: sp.key,
            pdf: Buffer.from(pdf.bytes),
            fileName: pdf.name,
            recipients: recipients.map((r) => r.email),
            bodyId,
          },
          select: { id: true },
        });
        for (const r of recipients)
          await enqueueMail(tx, {
            dedupKey: `report:${run.id}:${r.email}`,
            template: "report.scheduled",
            to: r.email,
            toUserId: r.userId,
            locale: r.locale,
            always: true,
            data: {
              title: data.title,
              period: data.periodLabel,
              summary: [...data.filtersUsed.slice(1).map(([k, v]) => `${k} : ${v}`), ""]
                .concat(data.kpis.slice(0, 4).map((k) => `${k.label} : ${k.display}`))
                .join("\n")
                .trim(),
              attached: s.format === "pdf",
              path: r.userId ? `/api/rapports/envois/${run.id}` : "/rapports",
              ...(s.format === "pdf" ? { reportRunId: run.id } : {}),
            },
          });
        return true;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    if (done) built++;
  }
  return built;
}

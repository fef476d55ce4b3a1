// Demo: the scheduled reports already sent over the last three months, built by the worker's own
// code (buildScheduledReport: the report, its PDF, its recipients), so that « Rapports envoyés »
// shows real use at first start and a download opens a real PDF. Only a few subscriptions get a
// history (PDFs take time to build): the all-partners monthly SLA report, one commune's monthly
// SLA report and last quarter's training report; they are dated as made before those periods, the
// other built-in ones are left as made today (the worker sends nothing for periods before them).
import type { Db } from "@mutuo/db";
import {
  buildScheduledReport,
  ensureDefaultSubscriptions,
  refreshRollup,
  scheduledPeriod,
  type Frequency,
} from "../reports/index.ts";

/** Months of history; each monthly subscription gets one run per month. */
const MONTHS = 3;
/** The commune whose agents' monthly report has a history (the one the demo's agent account signs in to). */
const DEMO_AGENT = "agent@bellerive.example";

/** The instant the worker sent the period ending at `end`: seven minutes later. */
const sentAt = (end: Date) => new Date(end.getTime() + 7 * 60_000);

export async function seedDemoReportRuns(db: Db, now: Date): Promise<number> {
  if (await db.reportRun.findFirst({ select: { id: true } })) return 0;
  await ensureDefaultSubscriptions(db);
  await refreshRollup(db, now);
  const bodies = await db.membership.findMany({
    where: { user: { email: DEMO_AGENT }, body: { kind: "commune" } },
    select: { bodyId: true },
  });
  const keys = [
    "sla-monthly-all",
    "training-quarterly-all",
    ...bodies.map((b) => `sla-monthly-body:${b.bodyId}`),
  ];
  const subs = await db.reportSubscription.findMany({
    where: { builtin: { in: keys } },
    orderBy: { builtin: "asc" },
  });
  // The sending instants of the last periods, oldest first: one per month, one quarter.
  const sends = (f: Frequency): Date[] => {
    const out: Date[] = [];
    let at = now;
    for (let i = 0; i < (f === "quarterly" ? 1 : MONTHS); i++) {
      const sp = scheduledPeriod(f, at);
      out.unshift(sentAt(sp.end));
      at = new Date(sp.start.getTime() + 60_000);
    }
    return out;
  };
  // One subscription after the other's PDF would take a few seconds: their reads overlap.
  const built = await Promise.all(
    subs.map(async (s) => {
      const instants = sends(s.frequency);
      const first = scheduledPeriod(s.frequency, instants[0]!);
      await db.reportSubscription.update({
        where: { id: s.id },
        data: { createdAt: new Date(first.start.getTime() - 86_400_000) },
      });
      for (const at of instants) {
        const sp = scheduledPeriod(s.frequency, at);
        const { pdf, recipients, bodyId } = await buildScheduledReport(db, s, sp.period, at);
        await db.reportRun.create({
          data: {
            subscriptionId: s.id,
            periodKey: sp.key,
            pdf: Buffer.from(pdf.bytes),
            fileName: pdf.name,
            recipients: recipients.map((r) => r.email),
            bodyId,
            createdAt: at,
          },
        });
      }
      return instants.length;
    }),
  );
  return built.reduce((a, b) => a + b, 0);
}

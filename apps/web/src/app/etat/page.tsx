import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { currentActor } from "../../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("status");
  return { title: t("title") };
}

export default async function StatusPage() {
  const t = await getTranslations("status");
  const format = await getFormatter();
  const caller = await api();
  const report = await caller.health.check();
  // The signed-out public and partner agents learn only whether each part works (see core health policy).
  const actor = await currentActor();
  // Outgoing mail, for the DSI only: its errors name addresses and the relay.
  const mail = actor && actor.role !== "agent" ? await caller.mailbox.health().catch(() => null) : null;
  const { database, migrations, worker } = report.checks;
  const details = report.detailed
    ? {
        database: report.checks.database.ok
          ? t("latency", { ms: report.checks.database.latencyMs })
          : (report.checks.database.error ?? ""),
        migrations:
          report.checks.migrations.error ??
          t("applied", {
            applied: report.checks.migrations.applied,
            pending: report.checks.migrations.pending.length,
            failed: report.checks.migrations.failed.length,
            modified: report.checks.migrations.modified.length,
          }),
        worker: report.checks.worker.lastSeenAt
          ? t("lastSeen", {
              seconds: report.checks.worker.ageSeconds ?? 0,
              host: report.checks.worker.hostname ?? "?",
            })
          : t("noWorker"),
      }
    : null;
  const rows = [
    { name: t("database"), ok: database.ok, detail: details?.database },
    { name: t("migrations"), ok: migrations.ok, detail: details?.migrations },
    { name: t("worker"), ok: worker.ok, detail: details?.worker },
    ...(mail
      ? [
          {
            name: t("mail"),
            ok: mail.failed === 0 && !mail.lastError,
            detail: [
              t("mailDetail", { pending: mail.pending, failed: mail.failed }),
              mail.lastError
                ? t("mailLastError", { to: mail.lastError.toEmail, error: mail.lastError.lastError ?? "" })
                : null,
            ]
              .filter(Boolean)
              .join(" — "),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p
        role="status"
        className={`mb-6 rounded-md px-4 py-3 font-medium ${report.status === "ok" ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
      >
        {report.status === "ok" ? t("ok") : t("degraded")}
      </p>
      <Table
        caption={t("caption")}
        headers={details ? [t("check"), t("state"), t("detail")] : [t("check"), t("state")]}
      >
        {rows.map((r) => (
          <tr key={r.name}>
            <Cell header>{r.name}</Cell>
            <Cell>
              <span className={r.ok ? "text-green-800" : "text-red-800"}>
                {r.ok ? `✓ ${t("up")}` : `✗ ${t("down")}`}
              </span>
            </Cell>
            {details && <Cell>{r.detail}</Cell>}
          </tr>
        ))}
      </Table>
      <p className="mt-4 text-sm text-slate-600">
        {t("checkedAt", {
          date: format.dateTime(new Date(report.checkedAt), { dateStyle: "long", timeStyle: "medium" }),
        })}
      </p>
    </>
  );
}

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
  const actor = await currentActor();
  // Outgoing mail, for the DSI only: its errors name addresses and the relay.
  const mail = actor && actor.role !== "agent" ? await caller.mailbox.health().catch(() => null) : null;
  const { database, migrations, worker } = report.checks;
  const rows = [
    {
      name: t("database"),
      ok: database.ok,
      detail: database.ok ? t("latency", { ms: database.latencyMs }) : (database.error ?? ""),
    },
    {
      name: t("migrations"),
      ok: migrations.ok,
      detail:
        migrations.error ??
        t("applied", {
          applied: migrations.applied,
          pending: migrations.pending.length,
          failed: migrations.failed.length,
          modified: migrations.modified.length,
        }),
    },
    {
      name: t("worker"),
      ok: worker.ok,
      detail: worker.lastSeenAt
        ? t("lastSeen", { seconds: worker.ageSeconds ?? 0, host: worker.hostname ?? "?" })
        : t("noWorker"),
    },
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
      <Table caption={t("caption")} headers={[t("check"), t("state"), t("detail")]}>
        {rows.map((r) => (
          <tr key={r.name}>
            <Cell header>{r.name}</Cell>
            <Cell>
              <span className={r.ok ? "text-green-800" : "text-red-800"}>
                {r.ok ? `✓ ${t("up")}` : `✗ ${t("down")}`}
              </span>
            </Cell>
            <Cell>{r.detail}</Cell>
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

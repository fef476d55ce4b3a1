// « Mes exports »: the person's background exports, newest first, each with its status, a live
// progress while it is prepared, and its download link once ready.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EXPORT_TTL_DAYS } from "@mutuo/core/reports";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { ExportProgress } from "./export-progress.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("reportExports");
  return { title: t("title") };
}

export default async function ExportsPage() {
  await requireActorOrRedirect();
  const t = await getTranslations("reportExports");
  const format = await getFormatter();
  const { items } = await (await api()).reports.exports({});
  const statuses = Object.fromEntries(
    (["queued", "running", "done", "failed"] as const).map((s) => [s, t(`statuses.${s}`)]),
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/rapports">{t("back")}</Link>
      </p>
      <PageTitle lead={t("lead", { days: EXPORT_TTL_DAYS })}>{t("title")}</PageTitle>
      {items.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <Table
          caption={t("title")}
          headers={[t("report"), t("format"), t("requestedAt"), t("status"), t("file")]}
        >
          {items.map((e) => (
            <tr key={e.id} id={`export-${e.id}`}>
              <Cell header>{e.title}</Cell>
              <Cell>{t(`formats.${e.format}`)}</Cell>
              <Cell>
                {format.dateTime(e.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: "Europe/Paris",
                })}
              </Cell>
              <Cell>
                {e.status === "queued" || e.status === "running" ? (
                  <ExportProgress
                    id={e.id}
                    initial={{
                      status: e.status,
                      progress: e.progress,
                      rowsDone: e.rowsDone,
                      rowsTotal: e.rowsTotal,
                    }}
                    labels={{
                      progress: t("progress", { title: e.title }),
                      statuses,
                      rows: t.raw("rows") as string,
                      percent: t.raw("percent") as string,
                    }}
                  />
                ) : (
                  <span data-testid="export-status">{statuses[e.status]}</span>
                )}
              </Cell>
              <Cell>
                {e.status === "done" && e.file ? (
                  <>
                    <a href={`/api/rapports/exports/${e.id}/fichier`} className="underline">
                      {t("download", { name: e.file.name })}
                    </a>
                    <span className="block text-sm text-slate-700">
                      {t("expires", {
                        date: format.dateTime(e.expiresAt, { dateStyle: "long", timeZone: "Europe/Paris" }),
                      })}
                    </span>
                  </>
                ) : e.status === "failed" ? (
                  <span className="text-red-900">{e.error}</span>
                ) : null}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

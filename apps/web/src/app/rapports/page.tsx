import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { runPeriod } from "./params.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function ReportsPage() {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "fr";
  const caller = await api();
  const manager = actor.role === "manager" || actor.role === "admin";
  const [reports, runs, subscriptions] = await Promise.all([
    caller.reports.list(),
    caller.reports.runs({}),
    caller.reports.subscriptions(),
  ]);
  return (
    <>
      <PageTitle lead={actor.role === "agent" ? t("leadAgent") : t("lead")}>{t("title")}</PageTitle>
      <ul className="mb-8 grid gap-3 sm:grid-cols-2">
        {reports.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={`/rapports/${r.id}`} className="text-lg font-semibold">
              {r.title}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{t(`about.${r.id}`)}</p>
          </li>
        ))}
      </ul>

      {manager ? (
        <section aria-labelledby="subscriptions" className="mb-8">
          <h2 id="subscriptions" className="mb-2 text-xl font-semibold">
            {t("subscriptions")}
          </h2>
          <p className="mb-3">
            <Link href="/rapports/abonnements">{t("newSubscription")}</Link>
          </p>
          <Table caption={t("subscriptions")} headers={[t("label"), t("frequency"), t("recipients")]}>
            {subscriptions.map((s) => (
              <tr key={s.id}>
                <Cell header>
                  <Link href={`/rapports/abonnements/${s.id}`} className="underline">
                    {s.label}
                  </Link>
                </Cell>
                <Cell>
                  {t(`frequencies.${s.frequency}`)}
                  {s.pausedAt ? ` (${t("pausedShort")})` : ""}
                </Cell>
                <Cell>
                  {[
                    s.toManagers ? t("managers") : null,
                    s.agentsOfBody ? t("agentsOf", { body: s.agentsOfBody }) : null,
                    ...s.emails,
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </Cell>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}

      <section aria-labelledby="runs">
        <h2 id="runs" className="mb-2 text-xl font-semibold">
          {t("runs")}
        </h2>
        {runs.items.length === 0 ? (
          <p className="text-slate-700">{t("noRuns")}</p>
        ) : (
          <Table caption={t("runs")} headers={[t("report"), t("period"), t("sentOn"), t("file")]}>
            {runs.items.map((r) => (
              <tr key={r.id}>
                <Cell header>{r.subscription.label}</Cell>
                <Cell>{runPeriod(r.periodKey, locale)}</Cell>
                <Cell>{format.dateTime(r.createdAt, { dateStyle: "medium", timeZone: "Europe/Paris" })}</Cell>
                <Cell>
                  <a href={`/api/rapports/envois/${r.id}`}>{t("download", { name: r.fileName })}</a>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, Submit } from "../../../../components/form.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { Cell, Table } from "../../../../components/table.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireRoleOrNotFound } from "../../../../server/session.ts";
import { pauseSubscriptionAction, updateSubscriptionAction } from "../../actions.ts";
import { subscriptionLabels } from "../../labels.ts";
import { runPeriod } from "../../params.ts";
import { SubscriptionForm } from "../../subscription-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("reports");
  const id = uuidOrNotFound((await params).id);
  const s = await (await api()).reports.subscription({ id }).catch(() => null);
  return { title: s ? t("subscriptionTitle", { label: s.label }) : t("subscriptions") };
}

/** One scheduled report: edit it, pause or resume it, and its sent reports. */
export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRoleOrNotFound("manager", "admin");
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const caller = await api();
  const [s, choices] = await Promise.all([
    caller.reports.subscription({ id }).catch(() => notFound()),
    caller.reports.choices(),
  ]);
  const body = s.filters.body ?? "";
  const bodyName = choices.bodies.find((b) => b.value === body)?.label ?? t("form.allBodies");
  const audience = [
    s.toManagers ? t("managers") : null,
    s.agentsOfBody ? t("agentsOf", { body: s.agentsOfBody }) : null,
  ]
    .filter(Boolean)
    .join(", ");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Europe/Paris" });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/rapports">{t("back")}</Link>
      </p>
      <PageTitle lead={s.builtin ? t("builtinLead") : t("subscriptionEditLead")}>
        {t("subscriptionTitle", { label: s.label })}
      </PageTitle>

      <section aria-labelledby="status" className="mb-8 flex flex-col gap-2">
        <h2 id="status" className="text-xl font-semibold">
          {t("status")}
        </h2>
        <p data-testid="subscription-status">
          {s.pausedAt ? t("pausedSince", { date: date(s.pausedAt) }) : t("active")}
        </p>
        <ActionForm action={pauseSubscriptionAction} className="flex">
          <input type="hidden" name="id" value={s.id} />
          <input type="hidden" name="paused" value={s.pausedAt ? "false" : "true"} />
          <Submit>{s.pausedAt ? t("resume") : t("pause")}</Submit>
        </ActionForm>
      </section>

      <section aria-labelledby="edit" className="mb-8">
        <h2 id="edit" className="mb-2 text-xl font-semibold">
          {t("editSection")}
        </h2>
        <SubscriptionForm
          action={updateSubscriptionAction}
          bodies={choices.bodies}
          labels={{ ...(await subscriptionLabels()), submit: t("form.save") }}
          success={t("saved")}
          initial={{
            id: s.id,
            label: s.label,
            body,
            frequency: s.frequency,
            endsOn: s.endsOn ?? "",
            toManagers: s.toManagers,
            agentsOfBodyId: s.agentsOfBodyId ?? "",
            emails: s.emails.join(", "),
            format: s.format,
          }}
          fixed={s.builtin ? { body: bodyName, recipients: audience } : undefined}
        />
      </section>

      <section aria-labelledby="runs">
        <h2 id="runs" className="mb-2 text-xl font-semibold">
          {t("subscriptionRuns")}
        </h2>
        {s.runs.length === 0 ? (
          <p className="text-slate-700">{t("noRuns")}</p>
        ) : (
          <Table caption={t("subscriptionRuns")} headers={[t("period"), t("sentOn"), t("sentTo"), t("file")]}>
            {s.runs.map((r) => (
              <tr key={r.id}>
                <Cell header>{runPeriod(r.periodKey)}</Cell>
                <Cell>{date(r.createdAt)}</Cell>
                <Cell>{r.recipients.join(", ")}</Cell>
                <Cell>
                  <a href={`/api/rapports/envois/${r.id}`} className="underline">
                    {t("download", { name: r.fileName })}
                  </a>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}

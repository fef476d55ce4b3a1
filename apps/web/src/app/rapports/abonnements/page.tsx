import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireRoleOrNotFound } from "../../../server/session.ts";
import { subscribeAction } from "../actions.ts";
import { subscriptionLabels } from "../labels.ts";
import { SubscriptionForm } from "../subscription-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("newSubscription") };
}

export default async function NewSubscriptionPage() {
  await requireRoleOrNotFound("manager", "admin");
  const t = await getTranslations("reports");
  const caller = await api();
  const [reports, choices] = await Promise.all([caller.reports.list(), caller.reports.choices()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/rapports">{t("back")}</Link>
      </p>
      <PageTitle lead={t("subscriptionLead")}>{t("newSubscription")}</PageTitle>
      <SubscriptionForm
        action={subscribeAction}
        reports={reports.map((r) => ({ value: r.id, label: r.title }))}
        bodies={choices.bodies}
        labels={await subscriptionLabels()}
      />
    </>
  );
}

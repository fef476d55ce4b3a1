// The subscription form's labels, for the pages that create and edit a scheduled report.
import { getTranslations } from "next-intl/server";
import type { SubscriptionLabels } from "./subscription-form.tsx";

const KEYS = [
  "label",
  "report",
  "body",
  "allBodies",
  "frequency",
  "weekly",
  "monthly",
  "quarterly",
  "endsOn",
  "toManagers",
  "agentsOf",
  "none",
  "emails",
  "emailsHint",
  "format",
  "pdf",
  "link",
  "submit",
  "recipients",
] as const;

export async function subscriptionLabels(): Promise<SubscriptionLabels> {
  const t = await getTranslations("reports");
  return Object.fromEntries(KEYS.map((k) => [k, t(`form.${k}`)])) as SubscriptionLabels;
}

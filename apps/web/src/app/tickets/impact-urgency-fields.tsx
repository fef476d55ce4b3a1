"use client";
// Impact and urgency, the two answers the priority is computed from: one pair of fields for the
// request form, the quarantine's accept form and the ticket page's « Impact et urgence » editor.
import { useTranslations } from "next-intl";
import { SelectField } from "../../components/form.tsx";

const LEVELS = ["high", "medium", "low"] as const;

export function ImpactUrgencyFields({
  impact = "medium",
  urgency = "medium",
  required,
  stacked,
}: {
  impact?: string;
  urgency?: string;
  required?: boolean;
  /** One under the other (a narrow panel) rather than side by side from tablet width. */
  stacked?: boolean;
}) {
  const t = useTranslations("tickets");
  const levels = LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }));
  // « Urgence » is feminine in French: « Élevée », « Moyenne ».
  const urgencies = LEVELS.map((l) => ({ value: l, label: t(`urgencyLevel.${l}`) }));
  const fields = (
    <>
      <SelectField
        name="impact"
        label={t("impact")}
        required={required}
        defaultValue={impact}
        options={levels}
      />
      <SelectField
        name="urgency"
        label={t("urgency")}
        required={required}
        defaultValue={urgency}
        options={urgencies}
      />
    </>
  );
  return stacked ? fields : <div className="grid gap-4 sm:grid-cols-2">{fields}</div>;
}

/** The nature of a request (fault, request, question, security incident). */
export function CategoryField({ defaultValue }: { defaultValue: "fault" | "request" }) {
  const t = useTranslations("tickets");
  return (
    <SelectField
      name="category"
      label={t("category")}
      required
      defaultValue={defaultValue}
      options={["fault", "request", "question", "security"].map((c) => ({
        value: c,
        label: t(`categories.${c}`),
      }))}
    />
  );
}

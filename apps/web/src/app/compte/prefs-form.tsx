"use client";
import { useTranslations } from "next-intl";
import { ActionForm, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";

const CATEGORIES = [
  "new_tickets",
  "ticket_updates",
  "assignments",
  "sla_alerts",
  "convention_alerts",
  "daily_digest",
] as const;

export function PrefsForm({
  action,
  locale,
  categories,
  staff,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  locale: string;
  categories: Record<string, boolean>;
  staff: boolean;
}) {
  const t = useTranslations("account");
  const shown = CATEGORIES.filter(
    (c) =>
      staff || (c !== "new_tickets" && c !== "assignments" && c !== "sla_alerts" && c !== "daily_digest"),
  );
  return (
    <ActionForm action={action} success={t("prefsSaved")}>
      <SelectField
        name="locale"
        label={t("mailLanguage")}
        defaultValue={locale}
        options={[
          { value: "fr", label: "Français" },
          { value: "en", label: "English" },
        ]}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t("mailCategories")}</legend>
        {CATEGORIES.filter((c) => !shown.includes(c)).map((c) => (
          <input key={c} type="hidden" name={c} value={categories[c] ? "on" : ""} />
        ))}
        {shown.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input type="checkbox" name={c} defaultChecked={categories[c]} /> {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      <Submit>{t("savePrefs")}</Submit>
    </ActionForm>
  );
}

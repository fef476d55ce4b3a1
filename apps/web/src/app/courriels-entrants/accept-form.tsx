"use client";
// Accepting a quarantined e-mail as a new ticket: the technician names the body, the service and the
// priority; the rest (subject, description, sender, arrival time) comes from the e-mail.
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, Submit } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";
import { CategoryField, ImpactUrgencyFields } from "../tickets/impact-urgency-fields.tsx";

type Option = { value: string; label: string };

export function AcceptForm({
  action,
  bodies,
  services,
  declarantName,
  defaultBodyId,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  bodies: Option[];
  services: Option[];
  declarantName: string;
  defaultBodyId?: string;
}) {
  const t = useTranslations("tickets");
  const ti = useTranslations("incoming");
  return (
    <ActionForm action={action} className="flex max-w-3xl flex-col gap-4">
      <SelectField
        name="bodyId"
        label={t("body")}
        required
        defaultValue={defaultBodyId}
        options={[{ value: "", label: "—" }, ...bodies]}
      />
      <SelectField
        name="serviceId"
        label={t("service")}
        required
        options={[{ value: "", label: "—" }, ...services]}
      />
      <CategoryField defaultValue="request" />
      <ImpactUrgencyFields required />
      <Field name="declarantName" label={t("declarantName")} required defaultValue={declarantName} />
      <Submit>{ti("create")}</Submit>
    </ActionForm>
  );
}

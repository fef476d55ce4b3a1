"use client";
// Reporting a fault: what the conventions require (declarant, nature, description, service,
// equipment), impact and urgency, attachments; staff also give the channel and reception instant.
import { useTranslations } from "next-intl";
import { ActionForm, Field, FileField, SelectField, Submit, TextAreaField } from "../../components/form.tsx";
import type { FormState } from "../../lib/form-state.ts";
import { CategoryField, ImpactUrgencyFields } from "./impact-urgency-fields.tsx";

type Option = { value: string; label: string };

export function TicketForm({
  action,
  bodies,
  services,
  declarant,
  staff,
  now,
  assets = [],
  asset,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  bodies: Option[];
  services: Option[];
  declarant: { name: string; phone: string; email: string };
  staff: boolean;
  now: string;
  /** Registered equipment the ticket may name (the body's own, for an agent). */
  assets?: Option[];
  /** The one chosen beforehand (the asset page's « report a fault »). */
  asset?: string;
}) {
  const ta = useTranslations("assets");
  const t = useTranslations("tickets");
  return (
    <ActionForm action={action} encType="multipart/form-data" className="flex max-w-3xl flex-col gap-4">
      {bodies.length > 1 || staff ? (
        <SelectField
          name="bodyId"
          label={t("body")}
          required
          options={[...(staff ? [{ value: "", label: "—" }] : []), ...bodies]}
        />
      ) : (
        <input type="hidden" name="bodyId" value={bodies[0]?.value ?? ""} />
      )}
      {staff ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="channel"
            label={t("channelLabel")}
            required
            defaultValue="phone"
            options={["phone", "email", "letter", "portal"].map((c) => ({
              value: c,
              label: t(`channel.${c}`),
            }))}
          />
          <Field
            name="receivedAt"
            label={t("receivedAt")}
            type="datetime-local"
            required
            defaultValue={now}
            hint={t("receivedAtHint")}
          />
        </div>
      ) : null}
      <SelectField
        name="serviceId"
        label={t("service")}
        required
        options={[{ value: "", label: "—" }, ...services]}
      />
      <CategoryField defaultValue="fault" />
      <Field name="subject" label={t("subject")} required maxLength={200} />
      <TextAreaField name="description" label={t("description")} required hint={t("descriptionHint")} />
      {assets.length > 0 ? (
        <SelectField
          name="assetId"
          label={ta("assetPick")}
          options={[{ value: "", label: ta("assetNone") }, ...assets]}
          defaultValue={asset ?? ""}
        />
      ) : null}
      <Field name="equipment" label={t("equipment")} hint={t("equipmentHint")} />
      <ImpactUrgencyFields required />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 font-semibold">{t("declarant")}</legend>
        <p className="text-sm text-slate-700">{t("declarantHint")}</p>
        <Field
          name="declarantName"
          label={t("declarantName")}
          required
          defaultValue={declarant.name}
          autoComplete="name"
        />
        <Field
          name="declarantPhone"
          label={t("declarantPhone")}
          type="tel"
          defaultValue={declarant.phone}
          autoComplete="tel"
        />
        <Field
          name="declarantEmail"
          label={t("declarantEmail")}
          type="email"
          defaultValue={declarant.email}
          autoComplete="email"
        />
      </fieldset>
      <FileField name="attachments" label={t("attachments")} hint={t("attachmentsHint")} multiple />
      <Submit thumb>{t("submit")}</Submit>
    </ActionForm>
  );
}

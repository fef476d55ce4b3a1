"use client";
import { useTranslations } from "next-intl";
import {
  ActionForm,
  Field,
  SelectField,
  Submit,
  TextAreaField,
  useFormState,
} from "../../../components/form.tsx";
import { createLoanAction } from "../actions.ts";

type Asset = { id: string; label: string; status: string; isKit: boolean };

function AssetChoices({ assets }: { assets: Asset[] }) {
  const t = useTranslations("loans");
  const state = useFormState();
  const error = state.fieldErrors?.assetIds;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? "f-assetIds-error" : undefined}>
      <legend className="font-medium text-slate-800">{t("assets")} *</legend>
      <div className="max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white p-2">
        {assets.map((a) => (
          <label key={a.id} className="flex items-center gap-2 py-0.5">
            <input
              type="checkbox"
              name={`asset-${a.id}`}
              defaultChecked={state.values?.[`asset-${a.id}`] === "on"}
              key={`${a.id}-${state.values?.[`asset-${a.id}`] ?? ""}`}
            />
            <span>
              {a.label}
              {a.status !== "in_stock" ? ` (${t(`assetStatus.${a.status}`)})` : ""}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="f-assetIds-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function LoanForm({
  conventions,
  assets,
}: {
  conventions: { value: string; label: string }[];
  assets: Asset[];
}) {
  const t = useTranslations("loans");
  return (
    <ActionForm action={createLoanAction}>
      <SelectField
        name="conventionId"
        label={t("bodyAndConvention")}
        required
        options={[{ value: "", label: t("choose") }, ...conventions]}
      />
      <AssetChoices assets={assets} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="startDate" label={t("startDate")} type="date" required />
        <Field name="endDate" label={t("endDate")} type="date" required />
      </div>
      <Field name="address" label={t("address")} required maxLength={300} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="contactName" label={t("contactName")} required maxLength={120} />
        <Field name="contactPhone" label={t("contactPhone")} maxLength={40} />
      </div>
      <TextAreaField name="notes" label={t("notes")} rows={3} />
      <Submit>{t("create")}</Submit>
    </ActionForm>
  );
}

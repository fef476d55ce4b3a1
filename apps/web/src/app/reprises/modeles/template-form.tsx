// The target template form (new and edit): name, service, export format, one row per column and the
// date-order rules. Works without JavaScript: blank rows at the bottom add columns, a cleared row goes.
import { getTranslations } from "next-intl/server";
import { COLUMN_TYPES, type TargetColumn } from "@mutuo/core/migrations";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { saveTemplateAction } from "../actions.ts";

type Template = {
  id: string;
  serviceId: string;
  name: string;
  columns: TargetColumn[];
  crossRules: { from: string; to: string }[];
  encoding: string;
  delimiter: string;
};

const BLANK_COLUMNS = 3;
const BLANK_RULES = 1;

export async function TemplateForm({
  template,
  services,
}: {
  template: Template | null;
  services: { id: string; name: string }[];
}) {
  const t = await getTranslations("migrations.templates");
  const columns: (TargetColumn | null)[] = [
    ...(template?.columns ?? []),
    ...Array.from({ length: BLANK_COLUMNS }, () => null),
  ];
  const rules: ({ from: string; to: string } | null)[] = [
    ...(template?.crossRules ?? []),
    ...Array.from({ length: BLANK_RULES }, () => null),
  ];
  const yesNo = [
    { value: "no", label: t("no") },
    { value: "yes", label: t("yes") },
  ];
  const dateColumns = [
    { value: "", label: t("none") },
    ...(template?.columns ?? [])
      .filter((c) => c.type === "date")
      .map((c) => ({ value: c.name, label: c.label })),
  ];
  return (
    <ActionForm
      action={saveTemplateAction.bind(null, template?.id ?? null)}
      className="flex max-w-5xl flex-col gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={t("name")} required defaultValue={template?.name} />
        <SelectField
          name="serviceId"
          label={t("service")}
          required
          defaultValue={template?.serviceId}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          name="encoding"
          label={t("encoding")}
          defaultValue={template?.encoding ?? "utf-8"}
          options={[
            { value: "utf-8", label: "UTF-8" },
            { value: "windows-1252", label: "Windows-1252" },
          ]}
        />
        <SelectField
          name="delimiter"
          label={t("delimiter")}
          defaultValue={template?.delimiter === "\t" ? "tab" : (template?.delimiter ?? ";")}
          options={[
            { value: ";", label: "« ; »" },
            { value: ",", label: "« , »" },
            { value: "tab", label: t("tab") },
          ]}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-xl font-semibold">{t("columns")}</legend>
        <p className="text-slate-700">{t("columnsLead")}</p>
        {columns.map((c, i) => (
          <fieldset key={i} className="grid gap-3 rounded-md border border-slate-300 p-3 sm:grid-cols-4">
            <legend className="px-1 font-medium">{t("column", { n: i + 1 })}</legend>
            <Field
              name={`columns.${i}.name`}
              label={t("colName")}
              hint={t("colNameHint")}
              defaultValue={c?.name ?? ""}
            />
            <Field name={`columns.${i}.label`} label={t("colLabel")} defaultValue={c?.label ?? ""} />
            <SelectField
              name={`columns.${i}.type`}
              label={t("colType")}
              defaultValue={c?.type ?? "text"}
              options={COLUMN_TYPES.map((x) => ({ value: x, label: t(`types.${x}`) }))}
            />
            <SelectField
              name={`columns.${i}.required`}
              label={t("colRequired")}
              defaultValue={c?.required ? "yes" : "no"}
              options={yesNo}
            />
            <SelectField
              name={`columns.${i}.unique`}
              label={t("colUnique")}
              defaultValue={c?.unique ? "yes" : "no"}
              options={yesNo}
            />
            <Field
              name={`columns.${i}.maxLength`}
              label={t("colMaxLength")}
              inputMode="numeric"
              defaultValue={c?.maxLength ? String(c.maxLength) : ""}
            />
            <div className="sm:col-span-2">
              <Field
                name={`columns.${i}.values`}
                label={t("colValues")}
                defaultValue={c?.values?.join(" ; ") ?? ""}
              />
            </div>
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-xl font-semibold">{t("rules")}</legend>
        <p className="text-slate-700">{t("rulesLead")}</p>
        {rules.map((r, i) => (
          <fieldset key={i} className="grid gap-3 rounded-md border border-slate-300 p-3 sm:grid-cols-2">
            <legend className="px-1 font-medium">{t("rule", { n: i + 1 })}</legend>
            <SelectField
              name={`rules.${i}.from`}
              label={t("ruleFrom")}
              defaultValue={r?.from ?? ""}
              options={dateColumns}
            />
            <SelectField
              name={`rules.${i}.to`}
              label={t("ruleTo")}
              defaultValue={r?.to ?? ""}
              options={dateColumns}
            />
          </fieldset>
        ))}
      </fieldset>
      <Submit>{t("save")}</Submit>
    </ActionForm>
  );
}

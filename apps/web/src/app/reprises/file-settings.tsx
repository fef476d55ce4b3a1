// The technician's correction of how the current CSV file is read: the detected encoding and
// delimiter, overridable before the check (which reads the file with them).
import { getTranslations } from "next-intl/server";
import { ActionForm, SelectField, Submit } from "../../components/form.tsx";
import { fileSettingsAction } from "./actions.ts";

export async function FileSettingsForm({
  jobId,
  file,
}: {
  jobId: string;
  file: { id: string; encoding: string; delimiter: string };
}) {
  const t = await getTranslations("migrations.job");
  return (
    <details className="mb-4" open={false}>
      <summary className="cursor-pointer font-medium">{t("fileSettings")}</summary>
      <p className="my-2 max-w-3xl text-slate-700">{t("fileSettingsLead")}</p>
      <ActionForm
        action={fileSettingsAction.bind(null, jobId, file.id)}
        className="flex max-w-xl flex-col gap-3"
      >
        <SelectField
          name="encoding"
          label={t("encoding")}
          defaultValue={file.encoding}
          options={[
            { value: "utf-8", label: "UTF-8" },
            { value: "windows-1252", label: "Windows-1252" },
          ]}
        />
        <SelectField
          name="delimiter"
          label={t("delimiter")}
          defaultValue={file.delimiter === "\t" ? "tab" : file.delimiter}
          options={[
            { value: ";", label: "« ; »" },
            { value: ",", label: "« , »" },
            { value: "tab", label: t("tab") },
          ]}
        />
        <Submit>{t("applySettings")}</Submit>
      </ActionForm>
    </details>
  );
}

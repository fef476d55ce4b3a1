import { getMessages, getTranslations } from "next-intl/server";
import { ASSET_CSV_COLUMNS } from "@mutuo/core/assets";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { ImportForm } from "../../organismes/import/import-form.tsx";
import { importAssetsAction } from "../actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("assets");
  return { title: t("importTitle") };
}

export default async function AssetImportPage() {
  await requireStaffOrNotFound();
  const t = await getTranslations("assets");
  const messages = (await getMessages()) as {
    validation: Record<string, string>;
    domain: Record<string, string>;
  };
  return (
    <>
      <PageTitle lead={t("importLead")}>{t("importTitle")}</PageTitle>
      <p className="mb-4 max-w-3xl text-slate-700">
        {t("importColumns", { columns: ASSET_CSV_COLUMNS.join(", ") })}
      </p>
      <ImportForm
        importer={importAssetsAction}
        labels={{
          file: t("importFile"),
          send: t("importSubmit"),
          done: t.raw("importDone") as string,
          errors: t("importErrors"),
          line: t("line"),
          column: t("column"),
          problem: t("problem"),
        }}
        problems={{ ...messages.validation, ...messages.domain }}
      />
    </>
  );
}

import { redirect } from "next/navigation";
import { getMessages, getTranslations } from "next-intl/server";
import { CSV_COLUMNS } from "@mutuo/core/identity";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { ImportForm } from "./import-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("bodies");
  return { title: t("importTitle") };
}

export default async function ImportPage() {
  const actor = await requireStaffOrNotFound();
  if (actor.role !== "manager" && actor.role !== "admin") redirect("/organismes");
  const t = await getTranslations("bodies");
  const messages = (await getMessages()) as { validation: Record<string, string> };
  return (
    <>
      <PageTitle lead={t("importLead", { columns: CSV_COLUMNS.join(", ") })}>{t("importTitle")}</PageTitle>
      <ImportForm
        labels={{
          file: t("importFile"),
          send: t("importSend"),
          done: t("importDone"),
          errors: t("importErrors"),
          line: t("line"),
          column: t("column"),
          problem: t("problem"),
        }}
        problems={messages.validation}
      />
    </>
  );
}

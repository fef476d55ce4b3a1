import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { api } from "../../../server/api.ts";
import { LoanForm } from "./loan-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("loans");
  return { title: t("new") };
}

export default async function NewLoanPage() {
  await requireStaffOrNotFound();
  const t = await getTranslations("loans");
  const options = await (await api()).loans.formOptions();
  return (
    <>
      <PageTitle lead={t("newLead")}>{t("new")}</PageTitle>
      <LoanForm
        conventions={options.bodies.flatMap((b) =>
          b.conventions.map((c) => ({ value: c.id, label: `${b.legalName} — ${c.label}` })),
        )}
        assets={options.assets}
      />
    </>
  );
}

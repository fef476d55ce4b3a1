import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { saveBodyAction } from "../actions.ts";
import { BodyForm } from "../body-form.tsx";
import { bodyFormProps } from "../form-props.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("bodies");
  return { title: t("createTitle") };
}

export default async function NewBodyPage() {
  const actor = await requireStaffOrNotFound();
  if (actor.role !== "manager" && actor.role !== "admin") redirect("/organismes");
  const t = await getTranslations("bodies");
  return (
    <>
      <PageTitle>{t("createTitle")}</PageTitle>
      <BodyForm action={saveBodyAction.bind(null, null)} {...await bodyFormProps()} />
    </>
  );
}

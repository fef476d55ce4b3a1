import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { saveAssetAction } from "../actions.ts";
import { AssetForm } from "../asset-form.tsx";
import { assetFormProps } from "../form-props.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("assets");
  return { title: t("createTitle") };
}

export default async function NewAssetPage() {
  await requireStaffOrNotFound();
  const t = await getTranslations("assets");
  return (
    <>
      <PageTitle>{t("createTitle")}</PageTitle>
      <AssetForm action={saveAssetAction.bind(null, null)} {...await assetFormProps()} />
    </>
  );
}

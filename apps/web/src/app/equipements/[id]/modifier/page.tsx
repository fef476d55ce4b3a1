import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { centsToEuros } from "@mutuo/core/assets";
import { PageTitle } from "../../../../components/page-title.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../../server/session.ts";
import { saveAssetAction } from "../../actions.ts";
import { AssetForm } from "../../asset-form.tsx";
import { assetFormProps } from "../../form-props.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("assets");
  return { title: t("edit") };
}

export default async function EditAssetPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffOrNotFound();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("assets");
  const a = await (await api()).assets.get({ id }).catch(() => null);
  if (!a) notFound();
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return (
    <>
      <PageTitle>{t("editTitle", { tag: a.tag })}</PageTitle>
      <AssetForm
        action={saveAssetAction.bind(null, id)}
        {...await assetFormProps()}
        initial={{
          tag: a.tag,
          serialNumber: a.serialNumber ?? "",
          kindId: a.kindId,
          manufacturer: a.manufacturer,
          model: a.model,
          status: a.status,
          bodyId: a.bodyId ?? "",
          location: a.location,
          purchaseDate: day(a.purchaseDate),
          purchaseValueCents: centsToEuros(a.purchaseValueCents),
          warrantyEnd: day(a.warrantyEnd),
          notes: a.notes,
        }}
      />
    </>
  );
}

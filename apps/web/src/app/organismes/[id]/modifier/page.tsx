import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { saveBodyAction } from "../../actions.ts";
import { BodyForm } from "../../body-form.tsx";
import { bodyFormProps } from "../../form-props.ts";
import { uuidOrNotFound } from "../../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("bodies");
  const b = await (await api()).bodies.get({ id: (await params).id }).catch(() => null);
  return { title: b ? `${t("editTitle")} · ${b.legalName}` : t("editTitle") };
}

export default async function EditBodyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") redirect("/organismes");
  const { id } = await params;
  uuidOrNotFound(id);
  const body = await (await api()).bodies.get({ id }).catch(() => null);
  if (!body || !body.canEdit) notFound();
  const t = await getTranslations("bodies");
  const s = (v: string | number | null | undefined) => (v == null ? "" : String(v));
  const initial = {
    legalName: body.legalName,
    kind: body.kind,
    siret: s(body.siret),
    inseeCode: s(body.inseeCode),
    population: s(body.population),
    populationYear: s(body.populationYear),
    communeId: s(body.communeId),
    addressLine: s(body.addressLine),
    postalCode: s(body.postalCode),
    city: s(body.city),
    dpoName: s(body.dpoName),
    dpoEmail: s(body.dpoEmail),
    status: body.status,
  };
  return (
    <>
      <PageTitle lead={body.legalName}>{t("editTitle")}</PageTitle>
      <BodyForm action={saveBodyAction.bind(null, id)} initial={initial} {...await bodyFormProps()} />
    </>
  );
}

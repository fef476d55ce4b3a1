import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, Submit } from "../../../../../components/form.tsx";
import { PageTitle } from "../../../../../components/page-title.tsx";
import { TermsEditor } from "../../../../../components/terms-editor.tsx";
import { termsDefaults } from "../../../../../components/terms-table.tsx";
import { api } from "../../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../../server/session.ts";
import { setTermsAction } from "../../../actions.ts";
import { uuidOrNotFound } from "../../../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string; versionId: string }> }) {
  const t = await getTranslations("conventions");
  const c = await (await api()).conventions.get({ id: (await params).id }).catch(() => null);
  return { title: c ? `${t("editTermsTitle")} · ${c.number}` : t("title") };
}

export default async function VersionTermsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; versionId: string }>;
  searchParams: Promise<{ service?: string }>;
}) {
  await requireActorOrRedirect();
  const { id, versionId } = await params;
  uuidOrNotFound(id);
  uuidOrNotFound(versionId);
  const { service } = await searchParams;
  const t = await getTranslations("conventions");
  const caller = await api();
  const c = await caller.conventions.get({ id }).catch(() => null);
  const version = c?.versions.find((v) => v.id === versionId);
  if (!c || !version?.editable) notFound();
  const services = await caller.catalogue.list();
  const chosen = services.find((s) => s.id === service);
  const versionName = version.number === 1 ? t("initialVersion") : t("amendmentN", { n: version.number - 1 });

  if (!chosen) {
    const available = services.filter((s) => !version.termSets.some((x) => x.serviceId === s.id));
    return (
      <>
        <PageTitle lead={`${c.number} · ${versionName}`}>{t("addService")}</PageTitle>
        <form method="get" className="flex max-w-xl flex-col gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="service" className="font-medium">
              {t("service")}
            </label>
            <select
              id="service"
              name="service"
              required
              className="rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              {available.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              {t("continue")}
            </button>
          </div>
        </form>
        <p className="mt-6">
          <Link href={`/conventions/${id}`}>{t("back")}</Link>
        </p>
      </>
    );
  }

  const existing = version.termSets.find((x) => x.serviceId === chosen.id);
  const defaults = existing ?? (await caller.catalogue.get({ id: chosen.id })).defaultTerms;
  const calendars = await caller.calendars.list();
  return (
    <>
      <PageTitle lead={`${c.number} · ${versionName} · ${t("termsLead")}`}>{chosen.name}</PageTitle>
      <ActionForm action={setTermsAction.bind(null, id, versionId)} className="flex max-w-4xl flex-col gap-4">
        <input type="hidden" name="serviceId" value={chosen.id} />
        <TermsEditor calendars={calendars} defaults={termsDefaults(defaults)} />
        <Submit>{t("saveTerms")}</Submit>
      </ActionForm>
      <p className="mt-6">
        <Link href={`/conventions/${id}`}>{t("back")}</Link>
      </p>
    </>
  );
}

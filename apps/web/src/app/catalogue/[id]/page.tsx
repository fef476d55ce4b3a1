import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { TermsTable } from "../../../components/terms-table.tsx";
import { api } from "../../../server/api.ts";
import { currentActor } from "../../../server/session.ts";
import { uuidOrNotFound } from "../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("catalogue");
  const s = await (await api()).catalogue.get({ id: (await params).id }).catch(() => null);
  return { title: s?.name ?? t("title") };
}

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("catalogue");
  const actor = await currentActor();
  const s = await (await api()).catalogue.get({ id }).catch(() => null);
  if (!s) notFound();
  return (
    <>
      <PageTitle lead={s.description}>{s.name}</PageTitle>
      <p className="mb-4 text-sm">
        <code>{s.code}</code> · {s.active ? t("activeYes") : t("activeNo")} ·{" "}
        {s.lendsEquipment ? t("lendsYes") : t("lendsNo")}
      </p>
      {actor && (actor.role === "manager" || actor.role === "admin") ? (
        <p className="mb-6">
          <Link href={`/catalogue/${id}/modifier`}>{t("edit")}</Link>
        </p>
      ) : null}
      <h2 className="mb-2 text-xl font-semibold">{t("defaultTerms")}</h2>
      <p className="mb-3 text-slate-700">{t("defaultTermsLead")}</p>
      {s.defaultTerms ? (
        <TermsTable set={s.defaultTerms} caption={t("defaultTerms")} />
      ) : (
        <p>{t("noDefaultTerms")}</p>
      )}
    </>
  );
}

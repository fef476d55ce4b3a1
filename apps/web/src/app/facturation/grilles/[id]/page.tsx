import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { nextGridVersionAction } from "../../actions.ts";
import { frDate, parisYear } from "../../dates.ts";
import { euros } from "../../money.ts";
import { nextVersionDefaults } from "../defaults.ts";
import { GridForm } from "../grid-form.tsx";
import { subscriptionText } from "../describe.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("billing");
  return { title: t("grids") };
}

/** One version of a price grid, and its next version made from it (a prefilled form). */
export default async function GridPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("billing");
  const caller = await api();
  const g = await caller.billing.grid({ id }).catch(() => notFound());
  const { grids } = await caller.billing.grids({ serviceId: g.serviceId });
  const rows: [string, string][] = [
    [t("subscription"), subscriptionText(t, g)],
    [t("initialisation"), euros(g.initialisationCents)],
    [
      t("training"),
      t("trainingPrices", { day: euros(g.training.perDayCents), session: euros(g.training.perSessionCents) }),
    ],
    [
      t("rates"),
      Object.entries(g.hourlyRates)
        .map(([p, c]) => `${t(`profiles.${p}`)} ${euros(c ?? 0)}`)
        .join(" ; ") || "—",
    ],
  ];
  return (
    <>
      <PageTitle
        lead={
          g.validTo
            ? t("gridValidity", { from: frDate(g.validFrom), to: frDate(g.validTo) })
            : t("gridValidityOpen", { from: frDate(g.validFrom) })
        }
      >
        {t("gridTitle", { label: g.label, service: g.serviceName })}
      </PageTitle>
      <p className="mb-4">
        <Link href="/facturation/grilles" className="underline">
          {t("backToGrids")}
        </Link>
      </p>
      <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-6">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-800">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 text-lg font-semibold">{t("otherVersions")}</h2>
      <ul className="mb-6 list-disc pl-5">
        {grids.map((v) => (
          <li key={v.id}>
            {v.id === g.id ? (
              <span aria-current="page">{v.label}</span>
            ) : (
              <Link href={`/facturation/grilles/${v.id}`} className="underline">
                {v.label}
              </Link>
            )}{" "}
            — {frDate(v.validFrom)} – {v.validTo ? frDate(v.validTo) : t("open")}
          </li>
        ))}
      </ul>
      <h2 className="mb-2 text-lg font-semibold">{t("nextVersion")}</h2>
      <p className="mb-4 max-w-3xl text-slate-700">{t("nextVersionLead")}</p>
      <GridForm
        services={[{ value: g.serviceId, label: g.serviceName }]}
        defaults={nextVersionDefaults(g, parisYear())}
        action={nextGridVersionAction.bind(null, g.id)}
        submitLabel={t("saveNextVersion")}
      />
    </>
  );
}

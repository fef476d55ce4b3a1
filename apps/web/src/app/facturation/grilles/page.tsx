import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { frDate } from "../dates.ts";
import { euros } from "../money.ts";
import { subscriptionText } from "./describe.ts";
import { GridForm } from "./grid-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("billing");
  return { title: t("grids") };
}

export default async function GridsPage() {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "manager" && actor.role !== "admin") notFound();
  const t = await getTranslations("billing");
  const { services, grids } = await (await api()).billing.grids();
  const name = new Map(services.map((s) => [s.id, s.name]));
  const subscription = (g: (typeof grids)[number]) => subscriptionText(t, g);
  return (
    <>
      <PageTitle lead={t("gridsLead")}>{t("grids")}</PageTitle>
      <Table
        caption={t("grids")}
        headers={[
          t("service"),
          t("version"),
          t("validity"),
          t("subscription"),
          t("initialisation"),
          t("training"),
          t("rates"),
        ]}
      >
        {grids.map((g) => (
          <tr key={g.id}>
            <Cell header>{name.get(g.serviceId)}</Cell>
            <Cell>
              <Link href={`/facturation/grilles/${g.id}`} className="underline">
                {g.label}
              </Link>
            </Cell>
            <Cell>
              {frDate(g.validFrom)} – {g.validTo ? frDate(g.validTo) : t("open")}
            </Cell>
            <Cell>{subscription(g)}</Cell>
            <Cell>{euros(g.initialisationCents)}</Cell>
            <Cell>
              {t("trainingPrices", {
                day: euros(g.training.perDayCents),
                session: euros(g.training.perSessionCents),
              })}
            </Cell>
            <Cell>
              {Object.entries(g.hourlyRates)
                .map(([p, c]) => `${t(`profiles.${p}`)} ${euros(c ?? 0)}`)
                .join(" ; ")}
            </Cell>
          </tr>
        ))}
      </Table>
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("newGrid")}</h2>
      <GridForm services={services.map((s) => ({ value: s.id, label: s.name }))} />
    </>
  );
}

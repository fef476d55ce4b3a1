import Link from "next/link";
import { HeldEquipment } from "../../equipements/held-equipment.tsx";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { History } from "../../../components/history.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { TrainingDays } from "../../formations/training-days.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("bodies");
  const b = await (await api()).bodies.get({ id: (await params).id }).catch(() => null);
  return { title: b?.legalName ?? t("title") };
}

export default async function BodyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations();
  const format = await getFormatter();
  const caller = await api();
  const body = await caller.bodies.get({ id }).catch(() => null);
  if (!body) notFound();
  const history = await caller.audit.history({ entityType: "Body", entityId: id });
  const row = (label: string, value: string | null | undefined) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{value || "—"}</dd>
    </>
  );
  return (
    <>
      <PageTitle lead={t(`kinds.${body.kind}`)}>{body.legalName}</PageTitle>

      {body.canEdit ? (
        <p className="mb-4">
          <Link href={`/organismes/${id}/modifier`}>{t("bodies.edit")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="details">
        <h2 id="details" className="mb-3 text-lg font-semibold">
          {t("bodies.details")}
        </h2>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          {row(t("fields.siret"), body.siret)}
          {row(t("fields.inseeCode"), body.inseeCode)}
          {row(
            t("fields.population"),
            body.population != null
              ? `${format.number(body.population)} (${body.populationYear ?? "?"})`
              : null,
          )}
          {row(t("fields.communeId"), body.commune?.legalName)}
          {row(
            t("fields.addressLine"),
            [body.addressLine, body.postalCode, body.city].filter(Boolean).join(", "),
          )}
          {row(t("bodies.dpo"), [body.dpoName, body.dpoEmail].filter(Boolean).join(" — "))}
          {row(t("bodies.status"), t(`bodies.statuses.${body.status}`))}
        </dl>
      </section>
      {body.dependents.length ? (
        <section aria-labelledby="dependents" className="mt-8">
          <h2 id="dependents" className="mb-3 text-lg font-semibold">
            {t("bodies.dependents")}
          </h2>
          <ul className="list-disc pl-6">
            {body.dependents.map((d) => (
              <li key={d.id}>
                <Link href={`/organismes/${d.id}`}>{d.legalName}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="people" className="mt-8">
        <h2 id="people" className="mb-3 text-lg font-semibold">
          {t("bodies.people")}
        </h2>
        {body.people.length === 0 ? (
          <p>—</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {body.people.map((p) => (
              <li key={p.id}>
                {actor.role === "admin" ? <Link href={`/admin/personnes/${p.id}`}>{p.name}</Link> : p.name} —{" "}
                {p.email} — {t(`roles.${p.role}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <HeldEquipment bodyId={id} />
      <TrainingDays bodyId={id} />
      <History rows={history} />
    </>
  );
}

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateToParisLocal } from "../../../lib/paris-time.ts";
import { isUuid } from "../../../lib/ids.ts";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { createTicketAction } from "../../tickets/actions.ts";
import { TicketForm } from "../../tickets/ticket-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("new") };
}

/** The partner portal's form: for the agent's body (the one chosen in the menu, else their first). */
export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "agent") notFound();
  const t = await getTranslations("tickets");
  const caller = await api();
  const me = await caller.me.get();
  const { equipement } = await searchParams;
  // Reporting a fault from an asset's page: the request is for the body holding it.
  const picked =
    typeof equipement === "string" && isUuid(equipement)
      ? await caller.assets.get({ id: equipement }).catch(() => null)
      : null;
  const bodyId =
    picked?.bodyId && actor.bodyIds.includes(picked.bodyId)
      ? picked.bodyId
      : (actor.activeBodyId ?? actor.bodyIds[0]);
  if (!bodyId) notFound();
  const [body, services, assets] = await Promise.all([
    caller.bodies.get({ id: bodyId }),
    caller.tickets.services({ bodyId }),
    caller.assets.heldBy({ bodyId }),
  ]);
  return (
    <>
      <PageTitle lead={t("newLead", { body: body.legalName })}>{t("new")}</PageTitle>
      {!services.covered ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("noConvention")}</p>
      ) : null}
      <TicketForm
        action={createTicketAction.bind(null, false)}
        staff={false}
        now={dateToParisLocal(new Date())}
        bodies={[{ value: body.id, label: body.legalName }]}
        services={services.services.map((s) => ({ value: s.id, label: s.name }))}
        declarant={{ name: me.person.name, phone: me.person.phone ?? "", email: me.person.email }}
        assets={assets.map((a) => ({
          value: a.id,
          label: [a.tag, a.kind.label, a.model].filter(Boolean).join(" — "),
        }))}
        asset={picked?.id}
      />
    </>
  );
}

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateToParisLocal } from "../../../lib/paris-time.ts";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { bodyChoices } from "../../conventions/options.ts";
import { createTicketAction } from "../actions.ts";
import { TicketForm } from "../ticket-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tickets");
  return { title: t("staffNew") };
}

/** A technician's entry of a phone call, an e-mail or an urgent hand-delivered letter. */
export default async function StaffTicketPage() {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("tickets");
  const caller = await api();
  const [{ bodies }, services, lent] = await Promise.all([
    bodyChoices(caller),
    caller.catalogue.list(),
    caller.assets.list({ status: "lent", limit: 200 }),
  ]);
  return (
    <>
      <PageTitle lead={t("staffLead")}>{t("staffNew")}</PageTitle>
      <TicketForm
        action={createTicketAction.bind(null, true)}
        staff
        now={dateToParisLocal(new Date())}
        bodies={bodies.map((b) => ({ value: b.id, label: b.legalName }))}
        services={services.map((s) => ({ value: s.id, label: s.name }))}
        declarant={{ name: "", phone: "", email: "" }}
        assets={lent.items.map((a) => ({
          value: a.id,
          label: [a.tag, a.model, a.body?.legalName].filter(Boolean).join(" — "),
        }))}
      />
    </>
  );
}

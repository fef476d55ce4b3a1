import { Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../components/page-title.tsx";
import { buttonClass } from "../components/ui/button.tsx";
import { DuePromise, StatusLabel } from "./tickets/ticket-bits.tsx";
import { api } from "../server/api.ts";
import { currentActor } from "../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations();
  // The layout's title template applies to nested segments only: spell it out at the root.
  return { title: { absolute: `${t("home.title")} — ${t("meta.title")}` } };
}

export default async function HomePage() {
  const t = await getTranslations();
  const actor = await currentActor();
  const caller = await api();
  if (!actor) {
    return (
      <>
        <PageTitle lead={t("home.intro")}>{t("home.heading")}</PageTitle>
        <p className="mb-4">{t("home.signedOut")}</p>
        <Link href="/connexion" className={buttonClass({ size: "lg" })}>
          {t("auth.signIn")}
        </Link>
      </>
    );
  }
  if (actor.role === "agent") return <PartnerHome name={actor.name} />;
  const [byKind, services, counts] = await Promise.all([
    caller.bodies.countByKind(),
    caller.catalogue.countActive(),
    caller.tickets.counts(),
  ]);
  const partners = byKind.reduce((sum, k) => sum + k.count, 0);
  const open = Object.values(counts.byStatus).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageTitle lead={t("home.intro")}>{t("home.heading")}</PageTitle>
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat label={t("home.openTickets")} value={open} href="/tickets" />
        <Stat
          label={t("home.breaching")}
          value={counts.views.breaching ?? 0}
          href="/tickets?view=breaching"
        />
        <Stat label={t("home.partners")} value={partners} href="/organismes" />
        <Stat label={t("home.services")} value={services} href="/catalogue" />
      </div>
      <section aria-labelledby="by-kind" className="mt-8">
        <h2 id="by-kind" className="text-lg font-semibold">
          {t("home.byKind")}
        </h2>
        {byKind.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("home.none")}</p>
        ) : (
          <ul className="mt-3 flex flex-wrap gap-2">
            {byKind.map((k) => (
              <li key={k.kind}>
                <Link
                  href={`/organismes?kind=${k.kind}`}
                  className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm"
                >
                  {t("home.kindCount", { kind: t(`kinds.${k.kind}`), count: k.count })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-white p-5 no-underline hover:border-brand-600 hover:no-underline"
    >
      <span className="block text-3xl font-bold text-brand-800">{value}</span>
      <span className="mt-1 block text-slate-700">{label}</span>
    </Link>
  );
}

/**
 * A partner agent's home: what they came for — report a problem, and where their open requests
 * stand with the deadline the DSI promised — not the provider's statistics.
 */
async function PartnerHome({ name }: { name: string }) {
  const t = await getTranslations();
  const caller = await api();
  const [open, counts] = await Promise.all([
    caller.tickets.list({ open: true, sort: "deadline", limit: 8 }),
    caller.tickets.counts(),
  ]);
  const total = Object.values(counts.byStatus).reduce((a, b) => a + b, 0);
  const more = Math.max(0, total - open.items.length);
  return (
    <>
      <PageTitle lead={t("home.partnerLead")}>{t("home.greeting", { name })}</PageTitle>
      <section
        aria-labelledby="report"
        className="mb-8 flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50 p-5 sm:flex-row sm:items-center sm:justify-between"
      >
        <div>
          <h2 id="report" className="text-lg font-semibold">
            {t("home.report")}
          </h2>
          <p className="mt-1 text-slate-700">{t("home.reportLead")}</p>
        </div>
        <Link href="/demandes/nouvelle" className={buttonClass({ size: "lg", className: "shrink-0" })}>
          <Plus aria-hidden="true" className="size-5" />
          {t("home.report")}
        </Link>
      </section>
      <section aria-labelledby="open-requests">
        <h2 id="open-requests" className="mb-3 text-lg font-semibold">
          {t("home.openRequests")} <span className="font-normal text-slate-700">({total})</span>
        </h2>
        {open.items.length === 0 ? (
          <p className="text-slate-700">{t("home.noOpenRequests")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {open.items.map((tk) => (
              <li key={tk.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                  <span className="font-mono">{tk.number}</span>
                  <StatusLabel status={tk.status} />
                  <span>{tk.service.name}</span>
                </div>
                <Link href={`/tickets/${tk.id}`} className="mt-1 block break-words text-base font-semibold">
                  {tk.subject}
                </Link>
                <p className="mt-1 text-sm text-slate-800">
                  <DuePromise t={tk} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link href="/demandes">
            {more > 0
              ? `${t("home.allRequests")} (${t("home.moreOpen", { n: more })})`
              : t("home.allRequests")}
          </Link>
        </p>
      </section>
    </>
  );
}

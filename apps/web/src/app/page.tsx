import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../components/page-title.tsx";
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
        <Link
          href="/connexion"
          className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline"
        >
          {t("auth.signIn")}
        </Link>
      </>
    );
  }
  const [byKind, services, counts] = await Promise.all([
    caller.bodies.countByKind(),
    caller.catalogue.countActive(),
    caller.tickets.counts(),
  ]);
  const partners = byKind.reduce((sum, k) => sum + k.count, 0);
  const open = Object.values(counts.byStatus).reduce((a, b) => a + b, 0);
  const staff = actor.role !== "agent";
  return (
    <>
      <PageTitle lead={t("home.intro")}>{t("home.heading")}</PageTitle>
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat label={t("home.openTickets")} value={open} href={staff ? "/tickets" : "/demandes"} />
        {staff ? (
          <Stat
            label={t("home.breaching")}
            value={counts.views.breaching ?? 0}
            href="/tickets?view=breaching"
          />
        ) : null}
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

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { SubmittedBanner } from "./submitted-banner.tsx";
import { groupedNavigationFor } from "../lib/navigation.ts";
import { api } from "../server/api.ts";
import { currentActor } from "../server/session.ts";
import type { Actor } from "@mutuo/core/identity";
import { GlobalSearch } from "./global-search.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { NavLinks } from "./nav-links.tsx";
import { UserMenu } from "./user-menu.tsx";

export async function Shell({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const actor = await currentActor();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#content"
        className="sr-only rounded bg-white px-4 py-2 font-medium text-brand-800 focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50"
      >
        {t("shell.skip")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="flex items-baseline gap-3 text-slate-900 no-underline hover:no-underline">
            <span className="text-xl font-bold tracking-tight text-brand-800">{t("shell.product")}</span>
            <span className="hidden text-sm text-slate-600 sm:inline">{t("shell.tagline")}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            {actor && actor.role !== "agent" ? (
              <GlobalSearch
                label={t("search.label")}
                placeholder={t("search.placeholder")}
                submit={t("search.submit")}
              />
            ) : null}
            {actor ? <ActorMenu actor={actor} /> : null}
            <LanguageSwitcher label={t("shell.switchTo")} title={t("shell.switchToLabel")} />
          </div>
        </div>
        <nav aria-label={t("shell.navLabel")} className="border-t border-slate-100 bg-white">
          <Navigation actor={actor} />
        </nav>
      </header>
      <main
        id="content"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none"
      >
        <Suspense>
          <SubmittedBanner />
        </Suspense>
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-600">{t("shell.footer")}</p>
      </footer>
    </div>
  );
}

// The shell's own reads happen in the components below, so that React runs them beside the page's
// (a parent awaiting them would hold the page back by a round trip on every navigation).

async function Navigation({ actor }: { actor: Actor | null }) {
  const t = await getTranslations();
  // Staff see how many received e-mails wait in the quarantine.
  const quarantined = actor && actor.role !== "agent" ? await (await api()).incoming.count() : 0;
  const sections = groupedNavigationFor(actor?.role ?? null).map((g) => ({
    label: g.key ? t(`nav.groups.${g.key}`) : null,
    items: g.items.map((i) => ({
      href: i.href,
      label: t(`nav.${i.key}`),
      badge:
        i.key === "incoming" && quarantined
          ? { text: String(quarantined), label: t("nav.quarantined", { n: quarantined }) }
          : undefined,
    })),
  }));
  return (
    <NavLinks
      sections={sections}
      labels={{ menu: t("ui.menu"), navLabel: t("shell.navLabel"), close: t("ui.closeMenu") }}
    />
  );
}

async function ActorMenu({ actor }: { actor: Actor }) {
  // The bodies are only shown to an agent of several (to choose the one they act for).
  const bodies =
    actor.role === "agent" && actor.bodyIds.length > 1 ? (await (await api()).me.get()).person.bodies : [];
  return <UserMenu actor={actor} bodies={bodies} />;
}

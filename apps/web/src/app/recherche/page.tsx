import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { SEARCH_KINDS, type SearchKind } from "@mutuo/core/search";
import { PageTitle } from "../../components/page-title.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { StatusLabel } from "../tickets/ticket-bits.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("search");
  return { title: t("title") };
}

const params = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

const href = (q: string, kind?: SearchKind, cursor?: string) =>
  `/recherche?${new URLSearchParams({ q, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) })}`;

/** Staff's global search: a ticket number goes straight to the ticket; otherwise results by kind. */
export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("search");
  const tt = await getTranslations();
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const q = f.q ?? "";
  if (q.length < 2)
    return (
      <>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        {q ? <p className="text-slate-700">{t("short")}</p> : null}
      </>
    );
  const caller = await api();
  const r = await caller.search
    .global({ q, kind: f.kind, cursor: f.cursor })
    .catch(() => caller.search.global({ q, kind: f.kind }));
  if (r.exact) redirect(`/tickets/${r.exact.id}`);
  const groups = SEARCH_KINDS.filter((k) => r[k] !== null);
  const empty = groups.every((k) => r[k]!.items.length === 0);

  const group = (kind: SearchKind, rows: ReactNode[], next: string | null) => (
    <section key={kind} aria-labelledby={`search-${kind}`} className="mb-8">
      <h2 id={`search-${kind}`} className="mb-3 text-lg font-semibold text-slate-900">
        {t(`groups.${kind}`)}
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("noneGroup")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">{rows}</ul>
      )}
      {next ? (
        <p className="mt-2">
          <Link href={f.kind ? href(q, kind, next) : href(q, kind)}>{f.kind ? t("next") : t("more")}</Link>
        </p>
      ) : null}
    </section>
  );
  const row = (key: string, children: ReactNode) => (
    <li key={key} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm text-slate-700">
      {children}
    </li>
  );

  return (
    <>
      <PageTitle lead={t("lead")}>{t("resultsFor", { q })}</PageTitle>
      {f.kind ? (
        <p className="mb-4">
          <Link href={href(q)}>{t("all")}</Link>
        </p>
      ) : null}
      {empty ? <p className="text-slate-700">{t("none", { q })}</p> : null}
      {r.tickets && (!empty || f.kind)
        ? group(
            "tickets",
            r.tickets.items.map((x) =>
              row(
                x.id,
                <>
                  <Link href={`/tickets/${x.id}`} className="font-medium">
                    {x.number}
                  </Link>
                  <span className="text-slate-900">{x.subject}</span>
                  <span>{x.bodyName}</span>
                  <StatusLabel status={x.status} />
                  <span>
                    {format.dateTime(new Date(x.receivedAt), {
                      dateStyle: "medium",
                      timeZone: "Europe/Paris",
                    })}
                  </span>
                </>,
              ),
            ),
            r.tickets.nextCursor,
          )
        : null}
      {r.bodies && (!empty || f.kind)
        ? group(
            "bodies",
            r.bodies.items.map((x) =>
              row(
                x.id,
                <>
                  <Link href={`/organismes/${x.id}`} className="font-medium">
                    {x.legalName}
                  </Link>
                  <span>{tt(`kinds.${x.kind}` as "kinds.commune")}</span>
                  {x.city ? <span>{x.city}</span> : null}
                </>,
              ),
            ),
            r.bodies.nextCursor,
          )
        : null}
      {r.people && (!empty || f.kind)
        ? group(
            "people",
            r.people.items.map((x) =>
              row(
                x.id,
                <>
                  {actor.role === "admin" ? (
                    <Link href={`/admin/personnes/${x.id}`} className="font-medium">
                      {x.name}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{x.name}</span>
                  )}
                  <span>{x.email}</span>
                  <span>{tt(`roles.${x.role}`)}</span>
                  {x.active ? null : <span>{t("inactive")}</span>}
                </>,
              ),
            ),
            r.people.nextCursor,
          )
        : null}
      {r.conventions && (!empty || f.kind)
        ? group(
            "conventions",
            r.conventions.items.map((x) =>
              row(
                x.id,
                <>
                  <Link href={`/conventions/${x.id}`} className="font-medium">
                    {x.number}
                  </Link>
                  <span className="text-slate-900">{x.title}</span>
                  <span>{x.signatoryName}</span>
                  <span>{tt(`conventions.status.${x.status}` as "conventions.status.active")}</span>
                </>,
              ),
            ),
            r.conventions.nextCursor,
          )
        : null}
      {r.assets && (!empty || f.kind)
        ? group(
            "assets",
            r.assets.items.map((x) =>
              row(
                x.id,
                <>
                  <Link href={`/equipements/${x.id}`} className="font-medium">
                    {x.tag}
                  </Link>
                  <span className="text-slate-900">{[x.kindLabel, x.model].filter(Boolean).join(" — ")}</span>
                  <span>{x.serialNumber ?? "—"}</span>
                  <span>{x.bodyName ?? tt("assets.atProvider")}</span>
                  <span>{tt(`assets.statuses.${x.status}` as "assets.statuses.lent")}</span>
                </>,
              ),
            ),
            r.assets.nextCursor,
          )
        : null}
    </>
  );
}

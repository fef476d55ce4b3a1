import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_PER_RUN } from "@mutuo/core/retention";
import { FilterBar, FilterInput } from "../../../components/filter-bar.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { RetentionForm } from "./settings-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("retention");
  return { title: t("title") };
}

const params = z.object({
  cursor: z.string().max(500).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

/** Retention of declarants' identities: the period, and what the next nightly run will anonymise. */
export default async function RetentionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin") notFound();
  const t = await getTranslations("retention");
  const tf = await getTranslations("fields");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const caller = await api();
  const q = f.q?.trim() || undefined;
  const page = await caller.retention
    .preview({ cursor: f.cursor, q })
    .catch(() => caller.retention.preview({ q }));
  const { settings } = page;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Europe/Paris" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <section aria-labelledby="retention-settings" className="mb-8">
        <h2 id="retention-settings" className="mb-2 text-lg font-semibold">
          {t("settingsTitle")}
        </h2>
        <p className="mb-4 text-slate-700">
          {t("current", {
            months: settings.declarantMonths,
            source: settings.chosen ? t("sourceChosen") : t("sourceDefault"),
          })}
        </p>
        <RetentionForm
          months={settings.declarantMonths}
          labels={{
            field: tf("declarantMonths"),
            hint: t("hint", { months: settings.defaultMonths }),
            save: t("save"),
            saved: t("saved"),
          }}
        />
      </section>
      <section aria-labelledby="retention-next">
        <h2 id="retention-next" className="mb-2 text-lg font-semibold">
          {t("nextTitle")}
        </h2>
        <p className="text-slate-700">
          {t("nextRun", {
            runAt: format.dateTime(page.runAt, {
              dateStyle: "long",
              timeStyle: "short",
              timeZone: "Europe/Paris",
            }),
            cutoff: day(page.cutoff),
          })}
        </p>
        <p className="mb-4 font-medium" data-testid="retention-counts">
          {t("counts", { tickets: page.counts.tickets, incoming: page.counts.incoming })}
        </p>
        {page.counts.tickets > page.nextRunTickets ? (
          <p className="mb-4 text-slate-700">{t("limit", { max: format.number(MAX_PER_RUN) })}</p>
        ) : null}
        <FilterBar label={t("searchLabel")} submit={t("searchButton")} search boxed={false}>
          <FilterInput name="q" label={t("search")} value={q} type="search" maxLength={200} wide />
        </FilterBar>
        {page.items.length === 0 ? (
          <p className="text-slate-700">{q ? t("noMatch", { q }) : t("empty")}</p>
        ) : (
          <Table
            caption={t("caption")}
            headers={[t("number"), t("body"), t("ended"), t("declarant"), t("held")]}
          >
            {page.items.map((i) => (
              <tr key={i.id}>
                <Cell header>
                  <Link href={`/tickets/${i.id}`}>{i.number}</Link>
                </Cell>
                <Cell>{i.bodyName}</Cell>
                <Cell>
                  {day(i.endedAt)} ({t(`status_${i.status}`)})
                </Cell>
                <Cell>{i.declarantName}</Cell>
                <Cell>
                  {[
                    t("heldName"),
                    ...(i.hasPhone ? [t("heldPhone")] : []),
                    ...(i.hasEmail ? [t("heldEmail")] : []),
                    ...(i.incoming ? [t("heldMails", { n: i.incoming })] : []),
                  ].join(", ")}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        <p className="mt-4 flex gap-4">
          {f.cursor ? (
            <Link href={`/admin/conservation${q ? `?${new URLSearchParams({ q })}` : ""}`}>{t("first")}</Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              href={`/admin/conservation?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.nextCursor })}`}
            >
              {t("next")}
            </Link>
          ) : null}
        </p>
      </section>
    </>
  );
}

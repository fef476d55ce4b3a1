import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { bodyKinds } from "@mutuo/core/identity";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { FilterBar, FilterSelect, FilterInput } from "../../components/filter-bar.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("bodies");
  return { title: t("title") };
}

// Search parameters are user input: anything unexpected is ignored rather than failing the page.
const params = z.object({
  kind: z.enum(bodyKinds).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

export default async function BodiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations();
  const format = await getFormatter();
  const { kind, q, cursor } = params.parse(await searchParams);
  const caller = await api();
  const page = await caller.bodies
    .list({ kind, q: q || undefined, cursor, limit: 25 })
    .catch(() => caller.bodies.list({ kind, q: q || undefined, limit: 25 }));
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(kind ? { kind } : {}), ...(q ? { q } : {}), ...extra }).toString();

  return (
    <>
      <PageTitle>{t("bodies.title")}</PageTitle>
      {actor.role === "manager" || actor.role === "admin" ? (
        <p className="mb-4 flex gap-4">
          <Link href="/organismes/nouveau">{t("bodies.create")}</Link>
          <Link href="/organismes/import">{t("bodies.import")}</Link>
        </p>
      ) : null}

      <FilterBar label={t("bodies.filters")} submit={t("bodies.filter")}>
        <FilterSelect
          name="kind"
          label={t("bodies.kind")}
          value={kind}
          all={t("bodies.allKinds")}
          options={bodyKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <FilterInput name="q" label={t("bodies.search")} value={q} type="search" maxLength={100} />
      </FilterBar>

      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("bodies.empty")}</p>
      ) : (
        <Table
          caption={t("bodies.caption")}
          headers={[
            t("bodies.name"),
            t("bodies.kind"),
            t("bodies.siret"),
            t("bodies.insee"),
            t("bodies.population"),
            t("bodies.commune"),
          ]}
        >
          {page.items.map((b) => (
            <tr key={b.id}>
              <Cell header>
                <Link href={`/organismes/${b.id}`}>{b.legalName}</Link>
              </Cell>
              <Cell>{t(`kinds.${b.kind}`)}</Cell>
              <Cell>{b.siret ?? "—"}</Cell>
              <Cell>{b.inseeCode ?? "—"}</Cell>
              <Cell>
                {b.population != null && b.populationYear != null
                  ? t("bodies.populationYear", {
                      population: format.number(b.population),
                      year: String(b.populationYear),
                    })
                  : "—"}
              </Cell>
              <Cell>{b.commune?.legalName ?? "—"}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <p className="mt-4 flex gap-4">
        {cursor ? <Link href={`/organismes?${query({})}`}>{t("bodies.first")}</Link> : null}
        {page.nextCursor ? (
          <Link href={`/organismes?${query({ cursor: page.nextCursor })}`}>{t("bodies.next")}</Link>
        ) : null}
      </p>
    </>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ASSET_STATUSES } from "@mutuo/core/assets";
import { FilterBar, FilterInput, FilterSelect } from "../../components/filter-bar.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { buttonClass } from "../../components/ui/button.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { bodyChoices } from "../conventions/options.ts";
import { AssetStatusBadge } from "./status-badge.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("assets");
  return { title: t("title") };
}

const uuid = z.string().uuid().optional().catch(undefined);
// Search parameters are user input: anything unexpected is ignored rather than failing the page.
const params = z.object({
  kind: uuid,
  status: z.enum(ASSET_STATUSES).optional().catch(undefined),
  body: uuid,
  warranty: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

/** The registry for staff; for a partner agent, « Mon équipement »: what their bodies hold now. */
export default async function AssetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const staff = actor.role !== "agent";
  const t = await getTranslations("assets");
  const format = await getFormatter();
  const p = params.parse(await searchParams);
  const caller = await api();
  const filters = {
    kindId: p.kind,
    status: p.status,
    bodyId: p.body,
    warrantyBefore: p.warranty,
    q: p.q || undefined,
    limit: 50,
  };
  const [page, kinds, bodies] = await Promise.all([
    caller.assets.list({ ...filters, cursor: p.cursor }).catch(() => caller.assets.list(filters)),
    caller.assets.kinds(),
    staff ? bodyChoices(caller).then((c) => c.bodies) : Promise.resolve([]),
  ]);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...Object.fromEntries(
        Object.entries({ kind: p.kind, status: p.status, body: p.body, warranty: p.warranty, q: p.q }).filter(
          (e): e is [string, string] => !!e[1],
        ),
      ),
      ...extra,
    }).toString();

  return (
    <>
      <PageTitle lead={staff ? undefined : t("myLead")}>{staff ? t("title") : t("myTitle")}</PageTitle>
      {staff ? (
        <p className="mb-4 flex flex-wrap gap-4">
          <Link href="/equipements/nouveau" className={buttonClass()}>
            {t("create")}
          </Link>
          <Link href="/equipements/import">{t("import")}</Link>
          <Link href="/equipements/types">{t("kinds")}</Link>
        </p>
      ) : null}
      <FilterBar label={t("filters")} submit={t("filter")} search>
        <FilterInput name="q" label={t("search")} value={p.q} type="search" maxLength={100} />
        <FilterSelect
          name="kind"
          label={t("kind")}
          value={p.kind}
          all={t("allKinds")}
          options={kinds.map((k) => ({ value: k.id, label: k.label }))}
        />
        <FilterSelect
          name="status"
          label={t("status")}
          value={p.status}
          all={t("allStatuses")}
          options={ASSET_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        {staff ? (
          <FilterSelect
            name="body"
            label={t("body")}
            value={p.body}
            all={t("allBodies")}
            options={bodies.map((b) => ({ value: b.id, label: b.legalName }))}
          />
        ) : null}
        <FilterInput name="warranty" label={t("warrantyBefore")} value={p.warranty} type="date" />
      </FilterBar>

      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <form method="get" action="/equipements/etiquettes.pdf" target="_blank">
          {staff ? <p className="mb-2 text-sm text-slate-700">{t("selectHint")}</p> : null}
          <Table
            caption={t("caption")}
            headers={[
              ...(staff ? [t("selection")] : []),
              t("tag"),
              t("status"),
              t("model"),
              t("serial"),
              t("body"),
              t("warranty"),
            ]}
          >
            {page.items.map((a) => (
              <tr key={a.id}>
                {staff ? (
                  <td className="px-4 py-3">
                    <input
                      type="checkbox"
                      name="ids"
                      value={a.id}
                      aria-label={t("select", { tag: a.tag })}
                      className="size-4"
                    />
                  </td>
                ) : null}
                <Cell header>
                  <Link href={`/equipements/${a.id}`}>{a.tag}</Link>
                  <span className="block text-sm font-normal text-slate-700">{a.kind.label}</span>
                </Cell>
                <Cell>
                  <AssetStatusBadge status={a.status} />
                </Cell>
                <Cell>{[a.manufacturer, a.model].filter(Boolean).join(" ") || "—"}</Cell>
                <Cell>{a.serialNumber ?? "—"}</Cell>
                <Cell>{a.body?.legalName ?? t("atProvider")}</Cell>
                <Cell>
                  {a.warrantyEnd
                    ? format.dateTime(a.warrantyEnd, { dateStyle: "medium", timeZone: "UTC" })
                    : "—"}
                </Cell>
              </tr>
            ))}
          </Table>
          {staff ? (
            <p className="mt-3">
              <button type="submit" className={buttonClass({ variant: "secondary" })}>
                {t("labels")}
              </button>
            </p>
          ) : null}
        </form>
      )}
      <p className="mt-4 flex gap-4">
        {p.cursor ? <Link href={`/equipements?${query({})}`}>{t("first")}</Link> : null}
        {page.nextCursor ? (
          <Link href={`/equipements?${query({ cursor: page.nextCursor })}`}>{t("next")}</Link>
        ) : null}
      </p>
    </>
  );
}

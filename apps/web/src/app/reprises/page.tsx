import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MIGRATION_STATUSES } from "@mutuo/core/migrations";
import { FilterBar, FilterSelect } from "../../components/filter-bar.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { MigrationStatus } from "./status-badge.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("migrations");
  return { title: t("title") };
}

const uuid = z.string().uuid().optional().catch(undefined);
const params = z.object({
  status: z.enum(MIGRATION_STATUSES).optional().catch(undefined),
  body: uuid,
  service: uuid,
  owner: uuid,
  late: z.literal("1").optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

export default async function MigrationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("migrations");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const caller = await api();
  const staff = actor.role !== "agent";
  const filter = {
    status: f.status,
    bodyId: f.body,
    serviceId: f.service,
    ownerId: f.owner,
    late: f.late === "1" || undefined,
  };
  const [page, options] = await Promise.all([
    caller.migrations
      .list({ ...filter, cursor: f.cursor, limit: 25 })
      .catch(() => caller.migrations.list({ ...filter, limit: 25 })),
    staff ? caller.migrations.formOptions() : Promise.resolve(null),
  ]);
  const services = options
    ? [...new Map(options.templates.map((x) => [x.serviceId, x.service])).entries()]
    : [];
  const d = (s: string | null) =>
    s ? format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "medium", timeZone: "Europe/Paris" }) : "—";
  const next = new URLSearchParams(
    Object.entries({
      status: f.status,
      body: f.body,
      service: f.service,
      owner: f.owner,
      late: f.late,
      cursor: page.nextCursor ?? "",
    })
      .filter(([, v]) => v)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {staff ? (
        <p className="mb-4">
          <Link href="/reprises/nouvelle">{t("new")}</Link>
          {" · "}
          <Link href="/reprises/modeles" className="underline">
            {t("templates.link")}
          </Link>
        </p>
      ) : null}
      <FilterBar label={t("filters")} submit={t("filter")}>
        <FilterSelect
          name="status"
          label={t("statusLabel")}
          value={f.status}
          all={t("all")}
          options={MIGRATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        {options ? (
          <>
            <FilterSelect
              name="body"
              label={t("body")}
              value={f.body}
              all={t("all")}
              options={options.bodies.map((b) => ({ value: b.id, label: b.legalName }))}
            />
            <FilterSelect
              name="service"
              label={t("service")}
              value={f.service}
              all={t("all")}
              options={services.map(([value, label]) => ({ value, label }))}
            />
            <FilterSelect
              name="owner"
              label={t("owner")}
              value={f.owner}
              all={t("all")}
              options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
            />
          </>
        ) : null}
        <FilterSelect
          name="late"
          label={t("late")}
          value={f.late}
          all={t("all")}
          options={[{ value: "1", label: t("lateOnly") }]}
        />
      </FilterBar>
      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          headers={[
            t("number"),
            t("body"),
            t("service"),
            t("owner"),
            t("dueOn"),
            t("statusLabel"),
            t("progress"),
          ]}
        >
          {page.items.map((j) => (
            <tr key={j.id}>
              <Cell header>
                <Link href={`/reprises/${j.id}`}>{j.number}</Link>
                <br />
                <span className="font-normal">{j.title}</span>
              </Cell>
              <Cell>{j.body}</Cell>
              <Cell>{j.service}</Cell>
              <Cell>{j.owner}</Cell>
              <Cell>
                {d(j.dueOn)}
                {j.late ? <span className="ml-2 font-semibold text-red-800">{t("late")}</span> : null}
              </Cell>
              <Cell>
                <MigrationStatus status={j.status} />
              </Cell>
              <Cell>
                {j.run ? (
                  <span>
                    {t(`runKind.${j.run.kind}`)} : {j.run.percent} % ({j.run.rowsRead})
                  </span>
                ) : (
                  "—"
                )}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={`/reprises?${next}`}>{t("next")}</Link>
        </p>
      ) : null}
    </>
  );
}

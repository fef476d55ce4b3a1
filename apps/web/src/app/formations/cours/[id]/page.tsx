import { Fragment } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MATERIAL_TYPES } from "@mutuo/core/training";
import { ButtonForm } from "../../../../components/button-form.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { StreamedUpload } from "../../../../components/streamed-upload.tsx";
import { isUuid } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { removeMaterialAction } from "../../actions.ts";
import { SessionsTable } from "../../sessions-table.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("course") };
}

const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;
const ACCEPT = Object.entries(MATERIAL_TYPES)
  .flatMap(([ext, type]) => [`.${ext}`, type])
  .concat(".jpg")
  .join(",");

/** A course of the catalogue: what it is, its materials, its sessions to come and past. */
export default async function CoursePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireActorOrRedirect();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const t = await getTranslations("training");
  const format = await getFormatter();
  const caller = await api();
  const c = await caller.training.course({ id }).catch(() => notFound());
  const [upcoming, past] = await Promise.all([
    caller.training.sessions({ when: "upcoming", courseId: id, limit: 50 }),
    caller.training.sessions({ when: "past", courseId: id, limit: 50 }),
  ]);
  const q = await searchParams;
  const errors = t.raw("materials.errors") as Record<string, string>;

  return (
    <>
      <PageTitle lead={t("courseDetailLead", { service: c.service.name })}>{c.title}</PageTitle>
      {q.enregistre ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          {t("courseSaved")}
        </p>
      ) : null}
      {c.canManage ? (
        <p className="mb-4 flex flex-wrap gap-4">
          <Link href={`/formations/cours/${c.id}/modifier`}>{t("editCourse")}</Link>
          <Link href="/formations/nouvelle">{t("newSession")}</Link>
        </p>
      ) : null}

      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-700">{t("duration")}</dt>
        <dd>{t("halfDays", { n: c.durationHalfDays })}</dd>
        <dt className="font-medium text-slate-700">{t("format")}</dt>
        <dd>{t(`formats.${c.format}`)}</dd>
        <dt className="font-medium text-slate-700">{t("defaultCapacity")}</dt>
        <dd>{c.defaultCapacity}</dd>
        {(["objectives", "audience", "prerequisites"] as const)
          .filter((k) => c[k])
          .map((k) => (
            <Fragment key={k}>
              <dt className="font-medium text-slate-700">{t(k)}</dt>
              <dd className="whitespace-pre-line">{c[k]}</dd>
            </Fragment>
          ))}
        {!c.active ? (
          <>
            <dt className="font-medium text-slate-700">{t("statusLabel")}</dt>
            <dd>{t("inactive")}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="materials" className="mb-6">
        <h2 id="materials" className="mb-2 text-lg font-semibold">
          {t("materials.title")}
        </h2>
        {!c.mayGetMaterials ? (
          <p className="text-slate-700">{t("materials.hidden")}</p>
        ) : c.materials.length === 0 ? (
          <p className="mb-3 text-slate-700">{t("materials.empty")}</p>
        ) : (
          <ul className="mb-3 flex flex-col gap-2">
            {c.materials.map((m) => (
              <li
                key={m.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white p-3"
              >
                <a className="underline" href={`/api/formations/supports/${m.id}`}>
                  {m.label}
                </a>
                <span className="text-sm text-slate-700">
                  {m.file.name} ·{" "}
                  {t("materials.size", { size: format.number(Math.ceil(m.file.size / 1024)) })}
                </span>
                {c.canManage ? (
                  <ButtonForm
                    action={removeMaterialAction.bind(null, c.id, m.id)}
                    label={t("materials.remove", { label: m.label })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {c.canManage ? (
          <>
            <h3 className="mb-2 font-semibold">{t("materials.add")}</h3>
            <StreamedUpload
              url={`/api/formations/supports/televersement/${c.id}`}
              inputId="material-file"
              accept={ACCEPT}
              maxBytes={MAX_MATERIAL_BYTES}
              labels={{
                label: t("materials.label"),
                file: t("materials.file"),
                hint: t("materials.hint"),
                send: t("materials.send"),
                sending: t("materials.sending"),
                sent: t.raw("materials.sent") as string,
              }}
              errors={errors}
            />
          </>
        ) : null}
      </section>

      <section aria-labelledby="upcoming" className="mb-6">
        <h2 id="upcoming" className="mb-2 text-lg font-semibold">
          {t("upcomingSessions")}
        </h2>
        {upcoming.items.length ? (
          <SessionsTable caption={t("upcomingSessions")} items={upcoming.items} />
        ) : (
          <p className="text-slate-700">{t("noUpcoming")}</p>
        )}
      </section>
      <section aria-labelledby="past" className="mb-6">
        <h2 id="past" className="mb-2 text-lg font-semibold">
          {t("pastSessions")}
        </h2>
        {past.items.length ? (
          <SessionsTable caption={t("pastSessions")} items={past.items} />
        ) : (
          <p className="text-slate-700">{t("noPast")}</p>
        )}
      </section>
    </>
  );
}

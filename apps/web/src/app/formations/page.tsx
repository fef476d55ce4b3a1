import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { buttonClass } from "../../components/ui/button.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("title") };
}

const params = z.object({
  vue: z.enum(["upcoming", "past", "catalogue"]).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

export default async function TrainingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("training");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const view = f.vue ?? "upcoming";
  const staff = actor.role !== "agent";
  const caller = await api();
  const tabs = (["upcoming", "past", "catalogue"] as const).map((v) => (
    <Link
      key={v}
      href={`/formations?vue=${v}`}
      aria-current={v === view ? "page" : undefined}
      className={buttonClass({ variant: v === view ? "primary" : "secondary", size: "sm" })}
    >
      {t(`tabs.${v}`)}
    </Link>
  ));
  const day = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });

  let body;
  if (view === "catalogue") {
    const courses = await caller.training.courses();
    body = (
      <Table
        caption={t("catalogueCaption")}
        headers={[t("courseTitle"), t("service"), t("duration"), t("format"), t("objectives")]}
      >
        {courses.map((c) => (
          <tr key={c.id}>
            <Cell header>{c.title}</Cell>
            <Cell>{c.service.name}</Cell>
            <Cell>{t("halfDays", { n: c.durationHalfDays })}</Cell>
            <Cell>{t(`formats.${c.format}`)}</Cell>
            <Cell>{c.objectives}</Cell>
          </tr>
        ))}
      </Table>
    );
  } else {
    const page = await caller.training
      .sessions({ when: view, cursor: f.cursor, limit: 50 })
      .catch(() => caller.training.sessions({ when: view, limit: 50 }));
    body = (
      <>
        {page.items.length === 0 ? <p className="text-slate-700">{t("noSessions")}</p> : null}
        {page.items.length > 0 ? (
          <Table
            caption={t(`tabs.${view}`)}
            headers={[t("session"), t("course"), t("dates"), t("place"), t("seats"), t("statusLabel")]}
          >
            {page.items.map((s) => (
              <tr key={s.id}>
                <Cell header>
                  <Link href={`/formations/${s.id}`}>{s.number}</Link>
                </Cell>
                <Cell>
                  {s.course.title}
                  <span className="block text-xs text-slate-600">
                    {s.course.service}
                    {s.dedicated ? ` · ${t("dedicated")}${s.dedicatedTo ? ` : ${s.dedicatedTo}` : ""}` : ""}
                  </span>
                </Cell>
                <Cell>
                  {day(s.startsAt)} → {day(s.endsAt)}
                  <span className="block text-xs text-slate-600">{t("days", { n: s.days })}</span>
                </Cell>
                <Cell>{s.place || "—"}</Cell>
                <Cell>{s.capacity}</Cell>
                <Cell>
                  {t(`status.${s.status}`)}
                  {s.mine ? (
                    <span className="block text-xs font-medium text-brand-800">{t(`mine.${s.mine}`)}</span>
                  ) : null}
                </Cell>
              </tr>
            ))}
          </Table>
        ) : null}
        {page.nextCursor ? (
          <p className="mt-4">
            <Link href={`/formations?vue=${view}&cursor=${encodeURIComponent(page.nextCursor)}`}>
              {t("next")}
            </Link>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      <PageTitle lead={staff ? t("lead") : t("leadAgent")}>{t("title")}</PageTitle>
      {staff ? (
        <p className="mb-4 flex flex-wrap gap-4">
          <Link href="/formations/nouvelle">{t("newSession")}</Link>
          <Link href="/formations/cours/nouveau">{t("newCourse")}</Link>
        </p>
      ) : null}
      <nav aria-label={t("views")} className="mb-4 flex flex-wrap gap-2">
        {tabs}
      </nav>
      {body}
    </>
  );
}

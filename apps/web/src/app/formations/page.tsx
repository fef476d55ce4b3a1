import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { buttonClass } from "../../components/ui/button.tsx";
import { api } from "../../server/api.ts";
import { requireActorOrRedirect } from "../../server/session.ts";
import { SessionsTable } from "./sessions-table.tsx";

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
            <Cell header>
              <Link href={`/formations/cours/${c.id}`}>{c.title}</Link>
            </Cell>
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
        {page.items.length > 0 ? <SessionsTable caption={t(`tabs.${view}`)} items={page.items} /> : null}
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

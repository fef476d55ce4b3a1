import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../server/session.ts";
import { bodyChoices } from "../../conventions/options.ts";
import { saveSessionAction } from "../actions.ts";
import { SLOT_ROWS } from "../slots.ts";
import { SessionForm } from "../session-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("newSession") };
}

export default async function NewSessionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaffOrNotFound();
  const t = await getTranslations("training");
  const caller = await api();
  const [courses, staff, choices] = await Promise.all([
    caller.training.courses(),
    caller.tickets.assignable(),
    bodyChoices(caller),
  ]);
  const course = (await searchParams).cours;
  return (
    <>
      <PageTitle lead={t("newSessionLead")}>{t("newSession")}</PageTitle>
      <SessionForm
        action={saveSessionAction.bind(null, null)}
        rows={SLOT_ROWS}
        courses={courses
          .filter((c) => c.active)
          .map((c) => ({ value: c.id, label: `${c.title} — ${c.service.name}` }))}
        trainers={staff.map((s) => ({ value: s.id, label: s.name }))}
        bodies={choices.bodies.map((b) => ({ value: b.id, label: b.legalName }))}
        defaults={{ courseId: typeof course === "string" ? course : undefined }}
        submit={t("createSession")}
      />
    </>
  );
}

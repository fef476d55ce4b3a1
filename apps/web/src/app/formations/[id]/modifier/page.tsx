import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { isUuid } from "../../../../lib/ids.ts";
import { api } from "../../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../../server/session.ts";
import { bodyChoices } from "../../../conventions/options.ts";
import { saveSessionAction } from "../../actions.ts";
import { SLOT_ROWS } from "../../slots.ts";
import { SessionForm } from "../../session-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("editSession") };
}

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffOrNotFound();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const t = await getTranslations("training");
  const caller = await api();
  const s = await caller.training.session({ id }).catch(() => notFound());
  const [courses, staff, choices] = await Promise.all([
    caller.training.courses(),
    caller.tickets.assignable(),
    bodyChoices(caller),
  ]);
  return (
    <>
      <PageTitle lead={t("editSessionLead")}>
        {t("editSession")} {s.number}
      </PageTitle>
      <SessionForm
        action={saveSessionAction.bind(null, id)}
        rows={Math.max(SLOT_ROWS, s.slots.length)}
        courses={courses.map((c) => ({ value: c.id, label: `${c.title} — ${c.service.name}` }))}
        trainers={staff.map((x) => ({ value: x.id, label: x.name }))}
        bodies={choices.bodies.map((b) => ({ value: b.id, label: b.legalName }))}
        defaults={{
          courseId: s.course.id,
          slots: s.slots.map((x) => x.local),
          address: s.address,
          room: s.room,
          remoteLink: s.remoteLink,
          trainerId: s.trainer?.id,
          trainerName: s.outsideTrainer,
          capacity: s.capacity,
          perBodyLimit: s.perBodyLimit,
          registrationDeadline: s.deadlineDate,
          dedicatedBodyId: s.dedicatedBody?.id,
        }}
        submit={t("saveSession")}
      />
    </>
  );
}

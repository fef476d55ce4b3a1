import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../../components/page-title.tsx";
import { isUuid } from "../../../../../lib/ids.ts";
import { api } from "../../../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../../../server/session.ts";
import { saveCourseAction } from "../../../actions.ts";
import { CourseForm } from "../../../course-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("editCourse") };
}

export default async function EditCoursePage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffOrNotFound();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const t = await getTranslations("training");
  const caller = await api();
  const [c, services] = await Promise.all([
    caller.training.course({ id }).catch(() => notFound()),
    caller.catalogue.list(),
  ]);
  return (
    <>
      <PageTitle lead={t("editCourseLead")}>
        {t("editCourse")} : {c.title}
      </PageTitle>
      <CourseForm
        action={saveCourseAction.bind(null, id)}
        services={services.map((s) => ({ value: s.id, label: s.name }))}
        defaults={{
          serviceId: c.serviceId,
          title: c.title,
          objectives: c.objectives,
          audience: c.audience,
          prerequisites: c.prerequisites,
          durationHalfDays: c.durationHalfDays,
          format: c.format,
          defaultCapacity: c.defaultCapacity,
          active: c.active,
        }}
      />
    </>
  );
}

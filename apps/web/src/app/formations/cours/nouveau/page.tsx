import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { api } from "../../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../../server/session.ts";
import { saveCourseAction } from "../../actions.ts";
import { CourseForm } from "../../course-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("newCourse") };
}

export default async function NewCoursePage() {
  await requireStaffOrNotFound();
  const t = await getTranslations("training");
  const services = await (await api()).catalogue.list();
  return (
    <>
      <PageTitle>{t("newCourse")}</PageTitle>
      <CourseForm
        action={saveCourseAction.bind(null, null)}
        services={services.map((s) => ({ value: s.id, label: s.name }))}
      />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { requireRoleOrNotFound } from "../../../server/session.ts";
import { saveCalendarAction } from "../actions.ts";
import { CalendarForm } from "../calendar-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("calendars");
  return { title: t("new") };
}

export default async function NewCalendarPage() {
  await requireRoleOrNotFound("manager", "admin");
  const t = await getTranslations("calendars");
  const office = { from: "08:30", to: "12:00" };
  const afternoon = { from: "13:30", to: "17:30" };
  return (
    <>
      <PageTitle>{t("new")}</PageTitle>
      <CalendarForm
        action={saveCalendarAction.bind(null, null)}
        submit={t("create")}
        defaults={{
          weekly: Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, [office, afternoon]])),
        }}
      />
    </>
  );
}

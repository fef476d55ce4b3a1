// The trainer's sign-in sheet of one half-day, made for a phone or a tablet: one card per person
// with three large buttons, then the confirmation of the sheet.
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ButtonForm } from "../../../../../components/button-form.tsx";
import { PageTitle } from "../../../../../components/page-title.tsx";
import { buttonClass } from "../../../../../components/ui/button.tsx";
import { isUuid } from "../../../../../lib/ids.ts";
import { api } from "../../../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../../../server/session.ts";
import { markAction, signSheetAction } from "../../../actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("sheetTitle") };
}

const MARKS = ["present", "absent", "excused"] as const;

export default async function SheetPage({ params }: { params: Promise<{ id: string; slotId: string }> }) {
  await requireStaffOrNotFound();
  const { id, slotId } = await params;
  if (!isUuid(id) || !isUuid(slotId)) notFound();
  const t = await getTranslations("training");
  const format = await getFormatter();
  const sheet = await (await api()).training.sheet({ slotId }).catch(() => notFound());
  if (sheet.session.id !== id) notFound();
  const signed = Boolean(sheet.slot.signedAt);
  const date = format.dateTime(new Date(`${sheet.slot.local.date}T12:00:00Z`), {
    dateStyle: "full",
    timeZone: "UTC",
  });
  return (
    <>
      <PageTitle lead={`${date}, ${sheet.slot.local.start} – ${sheet.slot.local.end}`}>
        {t("sheetTitle")} — {sheet.session.course.title}
      </PageTitle>
      <p className="mb-4 text-lg">{t("codeIs", { code: sheet.slot.checkInCode })}</p>
      <ul className="mb-6 flex flex-col gap-3">
        {sheet.people.map((p) => (
          <li key={p.registrationId} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="font-semibold">{p.name}</p>
            <p className="mb-2 text-sm text-slate-700">
              {p.body}
              {p.status
                ? ` · ${t(`marks.${p.status}`)}${p.confirmedBy === "self" ? ` (${t("selfConfirmed")})` : ""}`
                : ""}
            </p>
            {signed ? null : (
              <div
                className="grid grid-cols-3 gap-2"
                role="group"
                aria-label={t("markFor", { name: p.name })}
              >
                {MARKS.map((m) => (
                  <form key={m} action={markAction.bind(null, slotId, p.registrationId, m)}>
                    <button
                      type="submit"
                      aria-pressed={p.status === m}
                      aria-label={`${t(`marks.${m}`)} : ${p.name}`}
                      className={buttonClass({
                        variant: p.status === m ? "primary" : "secondary",
                        size: "lg",
                        className: "min-h-14 w-full",
                      })}
                    >
                      {t(`marks.${m}`)}
                    </button>
                  </form>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      {signed ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          {t("sheetSigned", { name: sheet.slot.signedByName ?? "" })}
        </p>
      ) : (
        <ButtonForm action={signSheetAction.bind(null, id, slotId)} label={t("signSheet")} />
      )}
      <p className="mt-4 flex flex-wrap gap-4">
        <a href={`/api/formations/emargement/${slotId}`}>{t("sheetPdf")}</a>
        <Link href={`/formations/${id}`}>{t("backToSession")}</Link>
      </p>
    </>
  );
}

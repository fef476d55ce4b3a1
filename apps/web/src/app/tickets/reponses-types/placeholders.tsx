import { getTranslations } from "next-intl/server";
import { PLACEHOLDERS } from "@mutuo/core/canned-replies";

/** The placeholders a canned reply may hold, and what each becomes. */
export async function Placeholders() {
  const t = await getTranslations("cannedReplies");
  return (
    <div className="mb-6 max-w-2xl rounded-md border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">{t("placeholders")}</p>
      <ul className="mt-1 flex flex-col gap-0.5">
        {PLACEHOLDERS.map((ph) => (
          <li key={ph}>
            <code className="rounded bg-slate-100 px-1">{`{${ph}}`}</code> : {t(`ph.${ph}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

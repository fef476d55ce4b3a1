// Training days included in conventions against days consumed, with a warning when used up
// (shown on a convention's page and on a body's page).
import { getTranslations } from "next-intl/server";
import { api } from "../../server/api.ts";

export async function TrainingDays({ bodyId, conventionId }: { bodyId?: string; conventionId?: string }) {
  const t = await getTranslations("training");
  const rows = await (await api()).training.consumption({ bodyId, conventionId }).catch(() => []);
  if (!rows.length) return null;
  const n = (x: number) => String(x).replace(".", ",");
  return (
    <section aria-labelledby="training-days" className="mb-6">
      <h2 id="training-days" className="mb-2 text-lg font-semibold">
        {t("daysTitle")}
      </h2>
      <ul className="flex flex-col gap-2">
        {rows.map((r) => (
          <li
            key={`${r.conventionId}-${r.serviceId}`}
            className={
              r.state === "ok"
                ? "rounded-md border border-slate-200 bg-white p-3"
                : "rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950"
            }
          >
            <span className="font-medium">
              {r.serviceName}
              {bodyId ? ` (${r.conventionNumber})` : ""}
            </span>{" "}
            —{" "}
            {t("daysUsage", { consumed: n(r.consumed), included: n(r.included), remaining: n(r.remaining) })}
            {r.state !== "ok" ? <strong className="block">{t(`daysState.${r.state}`)}</strong> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

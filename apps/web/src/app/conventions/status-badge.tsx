import { getTranslations } from "next-intl/server";

const colours: Record<string, string> = {
  draft: "bg-slate-100 text-slate-900",
  active: "bg-green-100 text-green-900",
  notice_given: "bg-amber-100 text-amber-900",
  terminated: "bg-red-100 text-red-900",
  expired: "bg-slate-200 text-slate-900",
};

export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations("conventions");
  return (
    <span className={`rounded px-2 py-0.5 text-sm font-medium ${colours[status] ?? ""}`}>
      {t(`status.${status}`)}
    </span>
  );
}

import { getTranslations } from "next-intl/server";

const colours: Record<string, string> = {
  draft: "bg-slate-100 text-slate-900",
  inventory_signed: "bg-sky-100 text-sky-900",
  in_service: "bg-green-100 text-green-900",
  return_in_progress: "bg-amber-100 text-amber-900",
  returned: "bg-slate-200 text-slate-900",
  lost: "bg-red-100 text-red-900",
  stolen: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-900",
  reserved: "bg-violet-100 text-violet-900",
};

export async function LoanStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("loans");
  return (
    <span className={`rounded px-2 py-0.5 text-sm font-medium ${colours[status] ?? ""}`}>
      {t(`status.${status}`)}
    </span>
  );
}

import { getTranslations } from "next-intl/server";

const tone: Record<string, string> = {
  in_stock: "border-slate-300 bg-slate-50 text-slate-800",
  reserved: "border-amber-300 bg-amber-50 text-amber-900",
  lent: "border-blue-300 bg-blue-50 text-blue-900",
  in_repair: "border-violet-300 bg-violet-50 text-violet-900",
  lost: "border-red-300 bg-red-50 text-red-900",
  stolen: "border-red-300 bg-red-50 text-red-900",
  retired: "border-slate-300 bg-slate-100 text-slate-700",
};

export async function AssetStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("assets.statuses");
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${tone[status] ?? ""}`}
    >
      {t(status)}
    </span>
  );
}

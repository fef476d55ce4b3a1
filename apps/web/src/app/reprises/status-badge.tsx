import { getTranslations } from "next-intl/server";

const tone: Record<string, string> = {
  done: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-800",
  signed_off: "bg-blue-100 text-blue-900",
  loaded: "bg-blue-100 text-blue-900",
};

export async function MigrationStatus({ status }: { status: string }) {
  const t = await getTranslations("migrations.status");
  return (
    <span
      className={`rounded px-2 py-0.5 text-sm font-medium ${tone[status] ?? "bg-amber-100 text-amber-900"}`}
    >
      {t(status as "planned")}
    </span>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { api } from "../../server/api.ts";
import { AssetStatusBadge } from "./status-badge.tsx";

/** On a body's page: the provider's equipment it holds now. */
export async function HeldEquipment({ bodyId }: { bodyId: string }) {
  const t = await getTranslations("assets");
  const assets = await (await api()).assets.heldBy({ bodyId }).catch(() => []);
  return (
    <section aria-labelledby="held-equipment" className="mt-8">
      <h2 id="held-equipment" className="mb-3 text-lg font-semibold">
        {t("held")}
      </h2>
      {assets.length === 0 ? (
        <p className="text-slate-700">{t("heldEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {assets.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/equipements/${a.id}`}>{a.tag}</Link>
              <span className="text-slate-700">
                {a.kind.label} — {[a.manufacturer, a.model].filter(Boolean).join(" ")}
                {a.location ? ` — ${a.location}` : ""}
              </span>
              <AssetStatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

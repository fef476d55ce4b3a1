// An asset's loans and reservations, for the asset's page (the registry's page shows it).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { api } from "../../server/api.ts";
import { LoanStatusBadge } from "./status-badge.tsx";

export async function AssetLoans({ assetId }: { assetId: string }) {
  const t = await getTranslations("loans");
  const format = await getFormatter();
  const { loans, reservations } = await (await api()).loans.forAsset({ assetId });
  const d = (s: string) =>
    format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <section aria-labelledby="asset-loans-h" className="mt-6">
      <h2 id="asset-loans-h" className="mb-2 text-xl font-semibold">
        {t("assetLoans")}
      </h2>
      {loans.length === 0 && reservations.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : null}
      <ul className="flex flex-col gap-1">
        {loans.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/prets/${l.id}`}>{l.number}</Link>
            <LoanStatusBadge status={l.status} />
            <span>
              {l.body} · {t("periodValue", { start: d(l.startDate), end: d(l.endDate) })}
            </span>
          </li>
        ))}
        {reservations.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <LoanStatusBadge status={r.cancelledAt ? "cancelled" : "reserved"} />
            <span>
              {r.purpose || t("reservation")} · {r.body || t("noBody")} ·{" "}
              {t("periodValue", { start: d(r.startDate), end: d(r.endDate) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

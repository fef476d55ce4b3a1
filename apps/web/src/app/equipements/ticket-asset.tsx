import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The registered asset a ticket names, on the ticket's page (a link for who may open it). */
export async function TicketAsset({
  asset,
}: {
  asset: {
    id: string;
    tag: string;
    manufacturer: string;
    model: string;
    kind: { label: string };
    openable: boolean;
  };
}) {
  const t = await getTranslations("assets");
  const text = [asset.kind.label, asset.manufacturer, asset.model].filter(Boolean).join(" — ");
  return (
    <>
      <dt className="font-medium">{t("onTicket")}</dt>
      <dd data-testid="ticket-asset">
        {asset.openable ? <Link href={`/equipements/${asset.id}`}>{asset.tag}</Link> : asset.tag}{" "}
        <span className="text-slate-700">({text})</span>
      </dd>
    </>
  );
}

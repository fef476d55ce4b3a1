import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MAX_ASSET_FILE_BYTES } from "@mutuo/core/assets";
import { History } from "../../../components/history.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import {
  addAccessoryAction,
  addFileAction,
  addKitItemAction,
  removeAccessoryAction,
  removeFileAction,
  removeKitItemAction,
} from "../actions.ts";
import { AssetLoans } from "../../prets/asset-loans.tsx";
import { AccessoryForm, AssetFileForm, KitItemForm, RemoveButton } from "../forms.tsx";
import { AssetStatusBadge } from "../status-badge.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("assets");
  const a = await (await api()).assets.get({ id: (await params).id }).catch(() => null);
  return { title: a ? `${a.tag} — ${t("title")}` : t("title") };
}

/** An asset's page (the QR label's target): identity, holder, kit, files, tickets, whole history. */
export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActorOrRedirect();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations();
  const format = await getFormatter();
  const caller = await api();
  const a = await caller.assets.get({ id }).catch(() => null);
  if (!a) notFound();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const at = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{value || "—"}</dd>
    </>
  );
  const eventText = (e: (typeof a.events)[number]) => {
    const d = e.data as Record<string, string | number | undefined>;
    const values = {
      from: d.from ? t(`assets.statuses.${d.from}`) : "—",
      to: d.to ? t(`assets.statuses.${d.to}`) : "—",
      number: String(d.number ?? ""),
      tag: String(d.tag ?? ""),
      label: String(d.label ?? ""),
      quantity: String(d.quantity ?? ""),
      kind: e.kind,
    };
    const key = t.has(`assets.events.${e.kind}`) ? e.kind : "other";
    return t(`assets.events.${key}`, values);
  };
  const manage = a.canManage;
  return (
    <>
      <PageTitle lead={[a.kind.label, a.manufacturer, a.model].filter(Boolean).join(" — ")}>
        {a.tag}
      </PageTitle>
      {manage ? (
        <p className="mb-4 flex flex-wrap gap-4">
          <Link href={`/equipements/${id}/modifier`}>{t("assets.edit")}</Link>
          <a href={`/equipements/etiquettes.pdf?ids=${id}`}>{t("assets.labels")}</a>
        </p>
      ) : (
        <p className="mb-4">
          <Link href={`/demandes/nouvelle?equipement=${id}`}>{t("assets.reportFault")}</Link>
        </p>
      )}
      <section aria-labelledby="identity" className="mb-8">
        <h2 id="identity" className="mb-3 text-lg font-semibold">
          {t("assets.identity")}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          {row(t("fields.status"), <AssetStatusBadge status={a.status} />)}
          {row(t("fields.serialNumber"), a.serialNumber)}
          {row(
            t("assets.holder"),
            a.body ? (
              <Link href={`/organismes/${a.body.id}`}>{a.body.legalName}</Link>
            ) : (
              t("assets.atProvider")
            ),
          )}
          {row(t("fields.location"), a.location)}
          {a.kit ? row(t("assets.kit"), <Link href={`/equipements/${a.kit.id}`}>{a.kit.tag}</Link>) : null}
          {row(t("fields.purchaseDate"), day(a.purchaseDate))}
          {row(
            t("assets.value"),
            a.purchaseValueCents != null
              ? format.number(a.purchaseValueCents / 100, { style: "currency", currency: "EUR" })
              : null,
          )}
          {row(t("fields.warrantyEnd"), day(a.warrantyEnd))}
          {row(t("fields.notes"), a.notes)}
        </dl>
      </section>

      {a.kind.isKit ? (
        <section aria-labelledby="kit" className="mb-8">
          <h2 id="kit" className="mb-3 text-lg font-semibold">
            {t("assets.kit")}
          </h2>
          <h3 className="mb-2 font-semibold">{t("assets.kitItems")}</h3>
          {a.items.length === 0 ? (
            <p className="mb-3 text-slate-700">{t("assets.kitEmpty")}</p>
          ) : (
            <ul className="mb-3 flex flex-col gap-1">
              {a.items.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-3">
                  <Link href={`/equipements/${i.id}`}>{i.tag}</Link>
                  <span className="text-slate-700">
                    {i.kind.label} — {[i.manufacturer, i.model].filter(Boolean).join(" ")} —{" "}
                    {i.serialNumber ?? "—"}
                  </span>
                  {manage ? (
                    <RemoveButton
                      action={removeKitItemAction.bind(null, id, i.id)}
                      label={t("assets.removeItem", { tag: i.tag })}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {manage ? (
            <KitItemForm
              action={addKitItemAction.bind(null, id)}
              labels={{ item: t("fields.item"), submit: t("assets.addItem") }}
            />
          ) : null}
          <h3 className="mb-2 mt-4 font-semibold">{t("assets.accessories")}</h3>
          {a.accessories.length === 0 ? (
            <p className="mb-3 text-slate-700">{t("assets.accessoriesEmpty")}</p>
          ) : (
            <ul className="mb-3 flex flex-col gap-1">
              {a.accessories.map((x) => (
                <li key={x.id} className="flex flex-wrap items-center gap-3">
                  <span>
                    {x.label} × {x.quantity}
                  </span>
                  {manage ? (
                    <RemoveButton
                      action={removeAccessoryAction.bind(null, id, x.id)}
                      label={t("assets.removeAccessory", { label: x.label })}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {manage ? (
            <AccessoryForm
              action={addAccessoryAction.bind(null, id)}
              labels={{
                label: t("assets.accessoryLabel"),
                quantity: t("fields.quantity"),
                submit: t("assets.addAccessory"),
              }}
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="fichiers" className="mb-8">
        <h2 id="fichiers" className="mb-3 text-lg font-semibold">
          {t("assets.files")}
        </h2>
        {a.files.length === 0 ? (
          <p className="mb-3 text-slate-700">{t("assets.filesEmpty")}</p>
        ) : (
          <ul className="mb-3 flex flex-col gap-1">
            {a.files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-3">
                <a href={`/api/equipements/fichiers/${f.id}`}>{f.label}</a>
                <span className="text-sm text-slate-700">
                  {f.file.name} ({format.number(Math.ceil(f.file.size / 1024))} Ko)
                </span>
                {manage ? (
                  <RemoveButton
                    action={removeFileAction.bind(null, id, f.id)}
                    label={t("assets.removeFile", { label: f.label })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {manage ? (
          <AssetFileForm
            action={addFileAction.bind(null, id)}
            maxBytes={MAX_ASSET_FILE_BYTES}
            labels={{
              label: t("assets.fileLabel"),
              file: t("assets.fileField"),
              hint: t("assets.fileHint"),
              tooLarge: t("assets.fileTooLarge"),
              submit: t("assets.addFile"),
            }}
          />
        ) : null}
      </section>

      <section aria-labelledby="tickets" className="mb-8">
        <h2 id="tickets" className="mb-3 text-lg font-semibold">
          {t("assets.tickets")}
        </h2>
        {a.tickets.length === 0 ? (
          <p className="text-slate-700">{t("assets.ticketsEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {a.tickets.map((tk) => (
              <li key={tk.id}>
                <Link href={`/tickets/${tk.id}`} className="underline">
                  {tk.number}
                </Link>{" "}
                — {tk.subject} <span className="text-sm text-slate-700">({at(tk.receivedAt)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <AssetLoans assetId={a.id} />
      <section aria-labelledby="asset-history" className="mb-8">
        <h2 id="asset-history" className="mb-3 text-lg font-semibold">
          {t("assets.history")}
        </h2>
        {a.events.length === 0 ? (
          <p className="text-slate-700">{t("assets.historyEmpty")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {a.events.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
                <p>
                  <span className="font-medium">{eventText(e)}</span>
                  {e.toBody ? <> {t("assets.toBody", { body: e.toBody })}</> : null}
                  {e.fromBody && !e.toBody ? <> {t("assets.fromBody", { body: e.fromBody })}</> : null}
                  {" — "}
                  <time dateTime={e.at.toISOString()}>{at(e.at)}</time>
                  {e.actorName ? (
                    <span className="text-sm text-slate-700"> {t("assets.by", { name: e.actorName })}</span>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {manage ? <History rows={a.audit} headingId="audit" /> : null}
    </>
  );
}

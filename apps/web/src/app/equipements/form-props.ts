import { getTranslations } from "next-intl/server";
import { ASSET_STATUSES } from "@mutuo/core/assets";
import { api } from "../../server/api.ts";
import { bodyChoices } from "../conventions/options.ts";

/** Labels and choices of the asset form, translated on the server. */
export async function assetFormProps() {
  const t = await getTranslations();
  const caller = await api();
  const [kinds, { bodies }] = await Promise.all([caller.assets.kinds(), bodyChoices(caller)]);
  const fields = [
    "tag",
    "serialNumber",
    "kindId",
    "manufacturer",
    "model",
    "status",
    "bodyId",
    "location",
    "purchaseDate",
    "purchaseValue",
    "warrantyEnd",
    "notes",
  ];
  const a = (k: string) => t(`assets.${k}`);
  return {
    labels: {
      ...Object.fromEntries(fields.map((f) => [f, t(`fields.${f}`)])),
      ...Object.fromEntries(
        [
          "identity",
          "holder",
          "purchase",
          "save",
          "noBody",
          "tagHint",
          "locationHint",
          "purchaseValueHint",
        ].map((k) => [k, a(k)]),
      ),
    },
    kinds: kinds.filter((k) => k.active).map((k) => ({ value: k.id, label: k.label })),
    statuses: ASSET_STATUSES.map((s) => ({ value: s, label: t(`assets.statuses.${s}`) })),
    bodies: bodies.map((b) => ({ value: b.id, label: b.legalName })),
  };
}

import { getTranslations } from "next-intl/server";
import { partnerKinds } from "@mutuo/core/identity";
import { api } from "../../server/api.ts";

/** Labels and choices of the body form, translated on the server. */
export async function bodyFormProps() {
  const t = await getTranslations();
  const communes = await (await api()).bodies.communes();
  const fields = [
    "legalName",
    "kind",
    "siret",
    "inseeCode",
    "population",
    "populationYear",
    "communeId",
    "addressLine",
    "postalCode",
    "city",
    "dpoName",
    "dpoEmail",
  ];
  return {
    labels: {
      ...Object.fromEntries(fields.map((f) => [f, t(`fields.${f}`)])),
      status: t("bodies.status"),
      save: t("bodies.save"),
      siretHint: t("validation.siret"),
      inseeHint: t("validation.insee"),
    },
    kinds: partnerKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    communes: communes.map((c) => ({ value: c.id, label: c.legalName })),
    statuses: (["active", "former"] as const).map((s) => ({ value: s, label: t(`bodies.statuses.${s}`) })),
  };
}

// The content of a loan's documents: prefilled from the assets, fingerprinted for validations.
import type { DbTx } from "@mutuo/db";
import { sha256Hex } from "../documents/index.ts";
import type { InventoryContent, ReturnContent } from "./rules.ts";

/** Tests proposed for a kind of asset when staff have not written its template yet. */
export const DEFAULT_TESTS: Record<string, string[]> = {
  switch: ["Alimentation", "Lien réseau", "Accès à la messagerie", "Accès à l'intranet"],
  laptop: ["Démarrage", "Connexion au réseau", "Accès à la messagerie", "Accès à l'intranet"],
  router_4g: ["Alimentation", "Connexion 4G", "Wi-Fi"],
  phone: ["Démarrage", "Appel", "Messagerie"],
  screen: ["Affichage"],
  crisis_kit: ["Contenu complet"],
  other: ["Fonctionnement"],
};

export const contentDigest = (content: unknown) => sha256Hex(content);

/** The inventory proposed for a loan's assets: each item in good condition, the kits' accessories, the tests. */
export async function prefilledInventory(tx: DbTx, assetIds: string[]): Promise<InventoryContent> {
  const assets = await tx.asset.findMany({
    where: { id: { in: assetIds } },
    select: {
      id: true,
      tag: true,
      serialNumber: true,
      manufacturer: true,
      model: true,
      kitId: true,
      kind: { select: { id: true, code: true, label: true, holdsData: true, testTemplate: true } },
      accessories: { select: { label: true, quantity: true } },
    },
    orderBy: { tag: "asc" },
  });
  return {
    items: assets.map((a) => ({
      assetId: a.id,
      tag: a.tag,
      serial: a.serialNumber ?? "",
      label: [a.kind.label, a.manufacturer, a.model].filter(Boolean).join(" — "),
      holdsData: a.kind.holdsData,
      condition: "good",
      accessories: "",
      remark: "",
    })),
    accessories: assets.flatMap((a) =>
      a.accessories.map((x) => ({ label: `${x.label} (${a.tag})`, quantity: x.quantity, remark: "" })),
    ),
    tests: assets.flatMap((a) =>
      (a.kind.testTemplate?.tests ?? DEFAULT_TESTS[a.kind.code] ?? DEFAULT_TESTS.other!).map((test) => ({
        tag: a.tag,
        test,
        result: "" as const,
        remark: "",
      })),
    ),
  };
}

export const asInventory = (c: unknown) => c as InventoryContent;
export const asReturn = (c: unknown) => c as ReturnContent;

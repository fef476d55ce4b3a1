// The PDF of a loan's document (inventory with its test sheet, or return report), with both
// validations, and the differences of a return highlighted.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { heading, keyValues, paragraph, renderPdf, table, validations } from "../documents/index.ts";
import { asInventory, asReturn, contentDigest } from "./content.ts";
import { loanDocumentForPdf } from "./queries.ts";
import { returnDifferences, type Condition, type Outcome } from "./rules.ts";

const CONDITION: Record<Condition, string> = {
  new: "Neuf",
  good: "Bon état",
  worn: "Usé",
  damaged: "Endommagé",
};
const OUTCOME: Record<Outcome, string> = { same: "Même état", damaged: "Endommagé", missing: "Manquant" };
const RESULT: Record<string, string> = { ok: "OK", ko: "KO", "": "—" };
const PARTY: Record<string, string> = { provider: "Pour le prestataire", borrower: "Pour l'organisme" };
const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export async function loanDocumentPdf(db: Db, actor: Actor, documentId: string, now = new Date()) {
  const doc = await loanDocumentForPdf(db, actor, documentId);
  const loan = doc.loan;
  const head = keyValues([
    ["Prêt", loan.number],
    ["Organisme", loan.body.legalName],
    ["Convention", `${loan.convention.number} — ${loan.convention.title}`],
    ["Période prévue", `du ${fr(loan.startDate.toISOString())} au ${fr(loan.endDate.toISOString())}`],
    ["Adresse d'installation", loan.address],
    ["Contact", [loan.contactName, loan.contactPhone].filter(Boolean).join(" — ")],
    [
      "Version",
      `${doc.version}${doc.frozenAt ? " (validée par les deux parties)" : " (en cours de validation)"}`,
    ],
    ["Empreinte SHA-256 du contenu", contentDigest(doc.content)],
  ]);
  const signed = doc.signOffs.map((s) => ({
    role: `${PARTY[s.party]} (${s.role})`,
    name: s.name,
    at: s.at,
    ip: s.ip,
    sha256: s.sha256,
  }));
  const pending = (["provider", "borrower"] as const)
    .filter((p) => !doc.signOffs.some((s) => s.party === p))
    .map((p) => PARTY[p]!);
  const content = [head];
  let title: string;
  if (doc.kind === "inventory") {
    title = "Inventaire contradictoire et fiche de tests";
    const inv = asInventory(doc.content);
    content.push(
      heading("Inventaire"),
      table(
        [
          { title: "Étiquette", width: 70 },
          { title: "N° de série", width: 80 },
          { title: "Désignation" },
          { title: "État", width: 60 },
          { title: "Accessoires" },
          { title: "Remarque" },
        ],
        inv.items.map((i) => [i.tag, i.serial, i.label, CONDITION[i.condition], i.accessories, i.remark]),
      ),
    );
    if (inv.accessories.length)
      content.push(
        heading("Accessoires", 3),
        table(
          [{ title: "Accessoire" }, { title: "Quantité", width: 60, align: "right" }, { title: "Remarque" }],
          inv.accessories.map((a) => [a.label, a.quantity, a.remark]),
        ),
      );
    content.push(
      heading("Fiche de tests"),
      table(
        [
          { title: "Étiquette", width: 70 },
          { title: "Test" },
          { title: "Résultat", width: 55 },
          { title: "Remarque" },
        ],
        inv.tests.map((t) => [
          t.tag,
          t.test,
          t.result === "ko" ? { text: "KO", warn: true } : RESULT[t.result],
          t.remark,
        ]),
        { highlight: (i) => inv.tests[i]?.result === "ko" },
      ),
    );
  } else {
    title = "Procès-verbal de restitution";
    const r = asReturn(doc.content);
    const diffs = returnDifferences(r);
    content.push(
      paragraph(`Établi au regard de l'inventaire contradictoire signé (version ${r.inventoryVersion}).`, {
        muted: true,
      }),
      heading("Différences avec l'inventaire"),
      diffs.length
        ? table(
            [{ title: "Élément" }, { title: "Constat" }, { title: "Remarque" }],
            diffs.map((d) =>
              d.kind === "item"
                ? [`${d.tag} — ${d.label}`, { text: OUTCOME[d.outcome], warn: true }, d.remark]
                : [
                    d.label,
                    { text: d.missing ? `Manquant : ${d.missing}` : `En plus : ${d.extra}`, warn: true },
                    d.remark,
                  ],
            ),
            { highlight: () => true },
          )
        : paragraph("Aucune différence : tout est rendu dans l'état de l'inventaire."),
      heading("Éléments restitués"),
      table(
        [
          { title: "Étiquette", width: 70 },
          { title: "N° de série", width: 80 },
          { title: "Désignation" },
          { title: "État au départ", width: 60 },
          { title: "Constat", width: 65 },
          { title: "Effacement des données" },
          { title: "Remarque" },
        ],
        r.items.map((i) => [
          i.tag,
          i.serial,
          i.label,
          CONDITION[i.conditionAtStart],
          i.outcome === "same" ? OUTCOME.same : { text: OUTCOME[i.outcome], warn: true },
          i.wipe
            ? `${i.wipe.method}, par ${i.wipe.by}, le ${fr(i.wipe.at)}`
            : i.holdsData
              ? "à faire"
              : "sans objet",
          i.remark,
        ]),
        { highlight: (i) => r.items[i]?.outcome !== "same" },
      ),
    );
    if (r.accessories.length)
      content.push(
        heading("Accessoires", 3),
        table(
          [
            { title: "Accessoire" },
            { title: "Prévu", width: 45, align: "right" },
            { title: "Rendu", width: 45, align: "right" },
            { title: "Remarque" },
          ],
          r.accessories.map((a) => [
            a.label,
            a.expected,
            a.returned === a.expected ? a.returned : { text: String(a.returned), warn: true },
            a.remark,
          ]),
          { highlight: (i) => r.accessories[i]!.returned !== r.accessories[i]!.expected },
        ),
      );
  }
  content.push(heading("Validations"), validations(signed, pending));
  return {
    fileName: `${loan.number}-${doc.kind === "inventory" ? "inventaire" : "restitution"}-v${doc.version}.pdf`,
    bytes: await renderPdf({
      title,
      subtitle: `${loan.number} — ${loan.body.legalName}`,
      content,
      createdAt: now,
    }),
  };
}

// Exports of issued statements: the PDF (the "bases de liquidation" a revenue order refers to),
// CSV and XLSX of one statement or of a year, and the CSV for the provider's finance software.
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { heading, keyValues, paragraph, renderPdf, table } from "../documents/index.ts";
import type { StatementSnapshot } from "./compute.ts";
import { getStatement, listStatements } from "./queries.ts";
import { codingText, eurosText, frenchDate } from "./rules.ts";
import { requireBillingManager } from "./policy.ts";

const KIND_LABELS: Record<string, string> = {
  commune: "Commune",
  ccas: "CCAS",
  cias: "CIAS",
  association: "Association",
  other: "Autre",
};
const REQUIREMENT_LABELS: Record<string, string> = {
  none: "aucune référence exigée",
  service_code: "code service exigé",
  commitment: "numéro d'engagement exigé",
  both: "code service et numéro d'engagement exigés",
};

type Issued = Awaited<ReturnType<typeof getStatement>>;

export async function statementPdf(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ name: string; bytes: Buffer }> {
  const s = await getStatement(db, actor, id);
  const snap = s.snapshot;
  const content = [
    keyValues([
      [
        "Émetteur",
        `${snap.provider.legalName}${snap.provider.siret ? ` — SIRET ${snap.provider.siret}` : ""}`,
      ],
      ["Organisme", `${snap.body.legalName} (${KIND_LABELS[snap.body.kind] ?? snap.body.kind})`],
      ["SIRET", snap.body.siret],
      ["Adresse", snap.body.address || null],
      ...(snap.body.communeName
        ? ([["Commune de rattachement", snap.body.communeName]] as [string, string][])
        : []),
      ["Code service", snap.body.invoicingServiceCode],
      ["Numéro d'engagement", snap.body.commitmentNumber],
      ["Période", `du ${frenchDate(snap.period.from)} au ${frenchDate(snap.period.to)}`],
      [
        "Émis le",
        new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(s.issuedAt),
      ],
    ]),
    heading("Lignes et bases de liquidation"),
    table(
      [
        { title: "N°", width: 18 },
        { title: "Désignation et bases", width: "*" },
        { title: "Imputation", width: 70 },
        { title: "Brut", width: 62, align: "right" },
        { title: "Part prestataire", width: 62, align: "right" },
        { title: "Dû", width: 62, align: "right" },
      ],
      snap.lines.map((l, i) => [
        String(i + 1),
        `${l.label}\n${l.basis.map((b) => `• ${b}`).join("\n")}\nSource : ${l.source.ref}`,
        codingText(l.coding),
        eurosText(l.grossCents),
        l.providerCents ? `− ${eurosText(l.providerCents)}` : "—",
        { text: eurosText(l.amountCents), bold: true },
      ]),
    ),
    keyValues([
      ["Total brut", eurosText(snap.totals.grossCents)],
      ["Participation du prestataire", eurosText(snap.totals.providerCents)],
      ["Total dû", { text: eurosText(snap.totals.amountCents), bold: true }],
      ...s.creditNotes.map((c): [string, string] => [
        `Avoir ${c.number}`,
        `− ${eurosText(c.amountCents)} (${c.reason})`,
      ]),
      ...(s.creditNotes.length ? ([["Net après avoirs", eurosText(s.dueCents)]] as [string, string][]) : []),
    ]),
    paragraph(
      `Le présent relevé constitue le document annexé au titre de recettes : il porte les bases de liquidation de chaque somme ` +
        `(référence ${s.number}). Montants en euros, opérations entre personnes publiques non soumises à la TVA ` +
        `(article 256 B du code général des impôts). Paiement à réception du titre de recettes, par virement au comptable ` +
        `public assignataire. Facturation par le portail Chorus Pro : ${REQUIREMENT_LABELS[snap.body.invoicingRequirement] ?? ""}.`,
      { muted: true },
    ),
  ];
  const bytes = await renderPdf({
    title: `Relevé des sommes dues ${s.number}`,
    subtitle: `${snap.body.legalName} — du ${frenchDate(snap.period.from)} au ${frenchDate(snap.period.to)}`,
    content,
    landscape: false,
    createdAt: s.issuedAt,
    provider: { name: snap.provider.legalName || "Mutuo", address: snap.provider.address || undefined },
  });
  return { name: `${s.number}.pdf`, bytes };
}

const LINE_HEADER = [
  "Relevé",
  "Organisme",
  "SIRET organisme",
  "Période début",
  "Période fin",
  "Ligne",
  "Nature",
  "Désignation",
  "Service",
  "Quantité",
  "Unité",
  "Prix unitaire",
  "Brut",
  "Part prestataire",
  "Dû",
  "Chapitre",
  "Article",
  "Fonction",
  "Grille",
  "Bases",
  "Source",
];

const euro = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

function lineRows(s: { number: string; snapshot: StatementSnapshot }): (string | number)[][] {
  const snap = s.snapshot;
  return snap.lines.map((l, i) => [
    s.number,
    snap.body.legalName,
    snap.body.siret ?? "",
    snap.period.from,
    snap.period.to,
    i + 1,
    l.kind,
    l.label,
    l.serviceName ?? "",
    l.quantity,
    l.unit,
    euro(l.unitPriceCents),
    euro(l.grossCents),
    euro(l.providerCents),
    euro(l.amountCents),
    l.coding?.chapter ?? "",
    l.coding?.article ?? "",
    l.coding?.function ?? "",
    l.grid ? `${l.grid.label} (${l.grid.validFrom})` : "",
    l.basis.join(" ; "),
    l.source.ref,
  ]);
}

async function statementsOf(db: Db, actor: Actor, q: { id?: string; year?: number }): Promise<Issued[]> {
  if (q.id) return [await getStatement(db, actor, q.id)];
  const list = await listStatements(db, actor, { year: q.year });
  return Promise.all(list.map((s) => getStatement(db, actor, s.id)));
}

/** CSV (semicolon-separated, UTF-8 with BOM for spreadsheets) of one statement's lines or a year's. */
export async function statementsCsv(
  db: Db,
  actor: Actor,
  q: { id?: string; year?: number },
): Promise<string> {
  const all = await statementsOf(db, actor, q);
  return "\ufeff" + stringify([LINE_HEADER, ...all.flatMap(lineRows)], { delimiter: ";" });
}

export async function statementsXlsx(
  db: Db,
  actor: Actor,
  q: { id?: string; year?: number },
): Promise<Buffer> {
  const all = await statementsOf(db, actor, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mutuo";
  const summary = wb.addWorksheet("Relevés");
  summary.addRow([
    "Relevé",
    "Organisme",
    "SIRET",
    "Début",
    "Fin",
    "Total dû",
    "Part prestataire",
    "Avoirs",
    "Payé",
    "Reste dû",
  ]);
  for (const s of all)
    summary.addRow([
      s.number,
      s.snapshot.body.legalName,
      s.snapshot.body.siret ?? "",
      s.snapshot.period.from,
      s.snapshot.period.to,
      s.totalCents / 100,
      s.providerCents / 100,
      s.creditedCents / 100,
      s.paidCents / 100,
      s.outstandingCents / 100,
    ]);
  const lines = wb.addWorksheet("Lignes");
  lines.addRow(LINE_HEADER);
  for (const s of all)
    for (const r of lineRows(s))
      lines.addRow(r.map((v, j) => (j >= 11 && j <= 14 ? Number(String(v).replace(",", ".")) : v)));
  for (const ws of [summary, lines]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One row per statement with what a public-entity invoice needs (Chorus Pro): both SIRETs, the service
 * code and commitment number, the amounts and the budget coding of the main line. */
export async function financeCsv(db: Db, actor: Actor, year: number): Promise<string> {
  requireBillingManager(actor);
  const all = await statementsOf(db, actor, { year });
  const header = [
    "numero",
    "date_emission",
    "siret_emetteur",
    "siret_destinataire",
    "destinataire",
    "code_service",
    "numero_engagement",
    "periode_debut",
    "periode_fin",
    "montant_brut",
    "participation_prestataire",
    "montant_du",
    "avoirs",
    "net_a_payer",
    "chapitre",
    "article",
    "fonction",
    "piece_jointe",
  ];
  const rows = all.map((s) => {
    const snap = s.snapshot;
    const main = [...snap.lines].sort((a, b) => b.amountCents - a.amountCents)[0];
    return [
      s.number,
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(s.issuedAt),
      snap.provider.siret ?? "",
      snap.body.siret ?? "",
      snap.body.legalName,
      snap.body.invoicingServiceCode ?? "",
      snap.body.commitmentNumber ?? "",
      snap.period.from,
      snap.period.to,
      euro(snap.totals.grossCents),
      euro(snap.totals.providerCents),
      euro(s.totalCents),
      euro(s.creditedCents),
      euro(s.dueCents),
      main?.coding?.chapter ?? "",
      main?.coding?.article ?? "",
      main?.coding?.function ?? "",
      `${s.number}.pdf`,
    ];
  });
  return "\ufeff" + stringify([header, ...rows], { delimiter: ";" });
}

/** The statement's PDF as a download (the shape of the app's file downloads). */
export async function readStatementPdf(db: Db, _files: unknown, actor: Actor, id: string) {
  const { name, bytes } = await statementPdf(db, actor, id);
  return { name, mimeType: "application/pdf", size: bytes.length, bytes };
}

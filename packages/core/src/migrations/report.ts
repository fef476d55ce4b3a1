// The acceptance report (procès-verbal de recette): what the partner signed off, as a PDF.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { heading, keyValues, paragraph, renderPdf, table, validations } from "../documents/index.ts";
import { notFound } from "../errors/index.ts";
import { assertJobVisible } from "./policy.ts";
import { jobIdInput } from "./schema.ts";
import type { SignOffSummary } from "./summary.ts";

export async function acceptanceReport(
  db: Db,
  actor: Actor,
  raw: unknown,
): Promise<{ name: string; bytes: Buffer }> {
  const { id } = jobIdInput.parse(raw);
  const job = await db.migrationJob.findUnique({ where: { id } });
  assertJobVisible(actor, job);
  if (!job.signedOffAt || !job.signOffSummary) throw notFound("acceptance report");
  const s = job.signOffSummary as unknown as SignOffSummary;
  const [body, service] = await Promise.all([
    db.body.findUnique({ where: { id: job.bodyId }, select: { legalName: true } }),
    db.service.findUnique({ where: { id: job.serviceId }, select: { name: true } }),
  ]);
  const bytes = await renderPdf({
    title: "Procès-verbal de recette — reprise de données",
    subtitle: `${job.number} — ${job.title}`,
    createdAt: job.signedOffAt,
    landscape: s.columns.length > 6,
    content: [
      keyValues([
        ["Organisme", body?.legalName ?? ""],
        ["Service", service?.name ?? ""],
        ["Fichier", s.file ? `${s.file.name} (SHA-256 ${s.file.sha256})` : "—"],
        ["Lignes lues", s.counts.read],
        ["Lignes valides", s.counts.valid],
        ["Lignes rejetées", s.counts.invalid],
        ["Doublons de clé", s.counts.duplicates],
        ["Lignes chargées en recette", s.counts.staged],
      ]),
      heading("Colonnes"),
      table(
        [{ title: "Colonne" }, { title: "Valeurs renseignées", align: "right", width: 120 }],
        s.columns.map((c) => [c.label, c.filled]),
      ),
      heading("Échantillon"),
      table(
        [{ title: "Ligne", width: 40 }, ...s.columns.map((c) => ({ title: c.label }))],
        s.sample.map((r) => [r.line, ...r.values]),
      ),
      heading("Validation par l'organisme"),
      paragraph(
        "L'organisme a pris connaissance du résumé ci-dessus et accepte le chargement en production des lignes chargées en recette.",
      ),
      validations([
        {
          role: "Agent de l'organisme",
          name: job.signedOffByName ?? "",
          at: job.signedOffAt,
          ip: job.signedOffIp,
          sha256: job.signOffSha256,
        },
      ]),
    ],
  });
  return { name: `${job.number}-pv-recette.pdf`, bytes };
}

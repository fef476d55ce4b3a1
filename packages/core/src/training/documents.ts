// The training's documents, through the one PDF path: the sign-in sheet of a half-day (feuille
// d'émargement) and the certificate of completion (certificat de réalisation) of a person.
import type { Db } from "@mutuo/db";
import { canSeeBody, isStaff, type Actor } from "../access/index.ts";
import { heading, keyValues, paragraph, renderPdf, table, validations } from "../documents/index.ts";
import { notFound } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { recordTrainingEvent } from "./events.ts";
import { hoursAttended, localSlot, slotHours } from "./rules.ts";

type Pdf = { name: string; mimeType: string; size: number; bytes: Uint8Array };
const pdf = (name: string, bytes: Buffer): Pdf => ({
  name,
  mimeType: "application/pdf",
  size: bytes.length,
  bytes,
});

const frDate = (d: Date) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeZone: "Europe/Paris" }).format(d);
const frTime = (d: Date) =>
  new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(d);
const hours = (h: number) => `${String(h).replace(".", ",")} h`;
const STATUS = { present: "Présent", absent: "Absent", excused: "Excusé" } as const;

/** The sign-in sheet of one half-day: staff only (it names every body's trainees). */
export async function signInSheetPdf(db: Db, _files: FileStore | null, actor: Actor, slotId: string) {
  if (!isStaff(actor)) throw notFound("slot");
  const slot = await db.trainingSlot.findUnique({
    where: { id: slotId },
    include: {
      attendances: true,
      session: {
        include: {
          course: { select: { title: true } },
          trainer: { select: { name: true } },
          registrations: {
            where: { status: "confirmed" },
            orderBy: { user: { name: "asc" } },
            select: { id: true, user: { select: { name: true } }, body: { select: { legalName: true } } },
          },
        },
      },
    },
  });
  if (!slot) throw notFound("slot");
  const s = slot.session;
  const l = localSlot(slot);
  const mark = new Map(slot.attendances.map((a) => [a.registrationId, a]));
  const signed = Boolean(slot.signedAt);
  const rows = s.registrations.map((r) => {
    const a = mark.get(r.id);
    const sign = a
      ? `${STATUS[a.status]} — ${a.confirmedBy === "self" ? "confirmé par la personne" : "relevé par le formateur"} le ${frTime(a.confirmedAt)}`
      : signed
        ? "Absent"
        : "";
    return [r.user.name, r.body.legalName, sign];
  });
  const trainer = s.trainer?.name ?? s.trainerName;
  const bytes = await renderPdf({
    title: "Feuille d'émargement",
    subtitle: `${s.course.title} — ${s.number}`,
    content: [
      keyValues([
        ["Formation", s.course.title],
        ["Session", s.number],
        ["Demi-journée", `${frDate(slot.startsAt)}, ${l.start} – ${l.end} (${hours(slotHours(slot))})`],
        ["Lieu", [s.room, s.address].filter(Boolean).join(", ") || s.remoteLink || "—"],
        ["Formateur", trainer || "—"],
      ]),
      heading("Stagiaires"),
      table(
        [
          { title: "Nom", width: 140 },
          { title: "Organisme", width: 150 },
          { title: signed ? "Présence confirmée" : "Signature", width: "*" },
        ],
        rows.map((r) => (signed ? r : [r[0], r[1], { text: "\n\n" }])),
      ),
      heading("Formateur"),
      signed
        ? validations([
            {
              role: "Feuille confirmée par le formateur",
              name: slot.signedByName ?? trainer,
              at: slot.signedAt!,
            },
          ])
        : validations([], [`Formateur (${trainer})`]),
    ],
  });
  return pdf(`emargement-${s.number}-${l.date}-${l.start.replace(":", "h")}.pdf`, bytes);
}

/** The certificate of completion of one registration: the person, their body's agents, staff. */
export async function certificatePdf(
  db: Db,
  _files: FileStore | null,
  actor: Actor,
  registrationId: string,
  now = new Date(),
) {
  const r = await db.trainingRegistration.findUnique({
    where: { id: registrationId },
    include: {
      user: { select: { name: true } },
      body: { select: { legalName: true } },
      attendances: { where: { status: "present" }, select: { slotId: true } },
      session: {
        include: {
          course: { select: { title: true, objectives: true } },
          trainer: { select: { name: true } },
          slots: { orderBy: { startsAt: "asc" } },
        },
      },
    },
  });
  if (!r || !canSeeBody(actor, r.bodyId) || r.status !== "confirmed") throw notFound("registration");
  const s = r.session;
  const attended = hoursAttended(
    s.slots,
    r.attendances.map((a) => a.slotId),
  );
  const planned = hoursAttended(
    s.slots,
    s.slots.map((x) => x.id),
  );
  const bytes = await renderPdf({
    title: "Certificat de réalisation",
    subtitle: `${s.course.title} — ${s.number}`,
    content: [
      paragraph(
        `Le prestataire certifie que la personne désignée ci-dessous a suivi l'action de formation suivante.`,
      ),
      keyValues([
        ["Stagiaire", r.user.name],
        ["Organisme", r.body.legalName],
        ["Formation", s.course.title],
        ["Objectifs", s.course.objectives || "—"],
        ["Nature", s.dedicatedBodyId ? "Session dédiée (intra)" : "Session ouverte (inter-organismes)"],
        ["Du", frDate(s.startsAt)],
        ["Au", frDate(s.endsAt)],
        ["Durée prévue", hours(planned)],
        [
          "Durée suivie",
          {
            text: `${hours(attended)} (${r.attendances.length} demi-journée(s) sur ${s.slots.length})`,
            bold: true,
          },
        ],
        ["Formateur", s.trainer?.name ?? s.trainerName],
      ]),
      paragraph("Durée calculée à partir des feuilles d'émargement par demi-journée.", { muted: true }),
    ],
  });
  // The first time it is handed out, the certificate is issued: the session's history says so.
  const issued = await db.trainingEvent.findFirst({
    where: { sessionId: s.id, kind: "certificate_issued", userId: r.userId },
    select: { id: true },
  });
  if (!issued)
    await recordTrainingEvent(db, {
      sessionId: s.id,
      kind: "certificate_issued",
      actor,
      person: { userId: r.userId, bodyId: r.bodyId },
      data: { hours: attended, halfDays: r.attendances.length, of: s.slots.length },
      at: now,
    });
  return pdf(`certificat-${s.number}-${r.user.name.replace(/[^\p{L}\p{N}]+/gu, "-")}.pdf`, bytes);
}

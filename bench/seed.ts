// Realistic tickets and replies for the benchmark, generated inside PostgreSQL (fast at 1M rows).
import type pg from "pg";

const subjects = [
  "Imprimante de l'accueil hors ligne",
  "Messagerie inaccessible depuis ce matin",
  "Carte du réseau d'eau blanche",
  "Parapheur électronique bloqué",
  "Lenteurs sur le logiciel de gestion du logement",
  "Mot de passe expiré impossible à changer",
  "Site internet de la commune indisponible",
  "Commutateur de la mairie annexe en panne",
  "Demande de création de compte pour un nouvel agent",
  "Erreur à l'export des délibérations",
  "Scanner du service urbanisme non reconnu",
  "Question sur l'archivage des actes",
  "Téléphonie coupée à l'école",
  "Pare-feu bloque le portail des marchés",
  "Certificat de signature électronique expiré",
  "Poste du CCAS infecté par un logiciel malveillant",
  "Formulaire en ligne ne s'envoie plus",
  "Données cadastrales non mises à jour",
  "Accès VPN refusé pour le télétravail",
  "Sauvegarde du serveur en échec",
];
const phrases = [
  "Depuis ce matin, les agents ne peuvent plus travailler.",
  "Le problème touche tous les postes de la mairie.",
  "Nous avons redémarré le matériel sans succès.",
  "Un message d'erreur s'affiche à l'ouverture.",
  "La situation bloque l'accueil du public.",
  "Le dysfonctionnement est apparu après la mise à jour.",
  "Merci d'intervenir rapidement, les délais légaux courent.",
  "Les usagers se plaignent de ne pas pouvoir déposer leur dossier.",
  "Le voyant du commutateur clignote en orange.",
  "Nous joignons une capture d'écran du message.",
  "Le fournisseur nous renvoie vers la DSI.",
  "La secrétaire de mairie est disponible tout l'après-midi.",
  "Le souci est intermittent, surtout en fin de journée.",
];
const replies = [
  "Nous prenons en charge votre demande et revenons vers vous.",
  "Pouvez-vous nous indiquer le numéro d'inventaire du matériel ?",
  "Le correctif a été appliqué, merci de vérifier de votre côté.",
  "Un technicien passera demain matin à la mairie.",
  "Nous avons redémarré le service, tout semble rentré dans l'ordre.",
  "La panne vient d'un câble réseau débranché dans le local technique.",
  "Le certificat a été renouvelé, il faut fermer puis rouvrir le navigateur.",
  "Merci, le problème est résolu pour nous.",
];
const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

export async function seedTickets(client: pg.Client, n: number, log: (m: string) => void): Promise<void> {
  const batch = 100_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await client.query(`
      WITH b AS (SELECT array_agg(id ORDER BY id) ids FROM "Body" WHERE kind <> 'provider'),
           s AS (SELECT array_agg(id ORDER BY id) ids FROM "Service"),
           u AS (SELECT array_agg(id ORDER BY id) ids FROM "User" WHERE role <> 'agent'),
           g AS (
             SELECT i, now() - random() * interval '3 years' AS at, random() AS x, random() AS y, random() AS z
             FROM generate_series(${from}, ${to}) i
           ),
           t AS (
             SELECT g.*, CASE WHEN x < 0.85 THEN 'closed' WHEN x < 0.88 THEN 'cancelled' WHEN x < 0.92 THEN 'resolved' WHEN x < 0.95 THEN 'in_progress'
                              WHEN x < 0.97 THEN 'new' WHEN x < 0.985 THEN 'assigned' ELSE 'waiting_partner' END AS st,
                    (ARRAY['critical','high','medium','low'])[1 + floor(y * 4)::int] AS pr
             FROM g
           ),
      ins AS (
      INSERT INTO "Ticket" ("id", "number", "bodyId", "serviceId", "subject", "description", "category", "impact", "urgency", "priority", "channel", "status",
        "declarantName", "receivedAt", "createdAt", "updatedAt", "assigneeId", "termsSource", "interventionMinutes", "interventionBasis", "resolutionMinutes", "resolutionBasis",
        "interventionDueAt", "resolutionDueAt", "interventionAt", "resolvedAt", "interventionState", "resolutionState", "slaDueAt", "slaState")
      SELECT gen_random_uuid(), 'SOS-' || extract(year FROM t.at)::int || '-B' || lpad(t.i::text, 7, '0'),
        b.ids[1 + (t.i::bigint * 7919 % array_length(b.ids, 1))::int], s.ids[1 + (t.i::bigint * 104729 % array_length(s.ids, 1))::int],
        (${arr(subjects)})[1 + floor(t.z * ${subjects.length})::int],
        (${arr(phrases)})[1 + floor(random() * ${phrases.length})::int] || ' ' || (${arr(phrases)})[1 + floor(random() * ${phrases.length})::int],
        (ARRAY['fault','request','question','security']::"TicketCategory"[])[1 + floor(random() * 4)::int], 'medium', 'medium', t.pr::"Priority",
        (ARRAY['portal','portal','portal','email','phone','letter']::"Channel"[])[1 + floor(random() * 6)::int], t.st::"TicketStatus",
        'Déclarant fictif ' || (t.i % 500), t.at, t.at, t.at,
        CASE WHEN t.st IN ('new') THEN NULL ELSE u.ids[1 + (t.i % array_length(u.ids, 1))] END,
        'convention', 720, 'business', 1440, 'business',
        t.at + interval '2 days', t.at + interval '4 days',
        CASE WHEN t.st IN ('new','assigned') THEN NULL ELSE t.at + interval '3 hours' END,
        CASE WHEN t.st IN ('closed','resolved') THEN t.at + interval '1 day' ELSE NULL END,
        (CASE WHEN t.st = 'cancelled' THEN 'none' WHEN t.st IN ('new','assigned') THEN (CASE WHEN t.at + interval '2 days' < now() THEN 'breached' ELSE 'ok' END) ELSE 'met' END)::"SlaState",
        (CASE WHEN t.st = 'cancelled' THEN 'none' WHEN t.st IN ('closed','resolved') THEN 'met' WHEN t.st = 'waiting_partner' THEN 'paused'
              WHEN t.at + interval '4 days' < now() THEN 'breached' ELSE 'ok' END)::"SlaState",
        CASE WHEN t.st IN ('new','assigned','in_progress') THEN t.at + interval '2 days' ELSE NULL END,
        (CASE WHEN t.st = 'cancelled' THEN 'none' WHEN t.st IN ('closed','resolved') THEN 'met' WHEN t.st = 'waiting_partner' THEN 'paused'
              WHEN t.at + interval '2 days' < now() THEN 'breached' ELSE 'ok' END)::"SlaState"
      FROM t, b, s, u
      RETURNING "id", "receivedAt")
      INSERT INTO "TicketMessage" ("id", "ticketId", "kind", "authorLabel", "fromStaff", "body", "createdAt")
      SELECT gen_random_uuid(), ins."id", (CASE WHEN random() < 0.2 THEN 'note' ELSE 'reply' END)::"TicketMessageKind", 'Technicien fictif', true,
             (${arr(replies)})[1 + floor(random() * ${replies.length})::int], ins."receivedAt" + k * interval '2 hours'
      FROM ins, generate_series(1, 2) k`);
    log(`  ${to.toLocaleString("fr-FR")} tickets`);
  }
  await client.query(`ANALYZE`);
}

// Placeholders of a canned reply, filled from the ticket when it is inserted.
export const PLACEHOLDERS = ["declarant", "numero", "echeance", "technicien"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Replaces {declarant}, {numero}, {echeance}, {technicien}; unknown braces stay as written. */
export function fillPlaceholders(body: string, values: Record<Placeholder, string>): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

/** A deadline as a partner reads it, Paris time: "jeudi 26 novembre à 14:30". */
export function parisDeadline(d: Date | null): string {
  if (!d) return "—";
  const day = new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "Europe/Paris",
  }).format(d);
  const time = new Intl.DateTimeFormat("fr-FR", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  }).format(d);
  return `${day} à ${time}`;
}

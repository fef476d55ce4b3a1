// Rules for incoming e-mail, pure: recognise what must never be answered (auto-replies, bounces, our
// own messages), find the ticket a reply belongs to, and strip the quoted history.

export type Headers = Record<string, string | undefined>;

const lower = (h: Headers) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), (v ?? "").trim()]));

/** Auto-replies, bounces, mailing lists and our own messages: recorded, never answered. */
export function isAutomatic(headers: Headers, ownAddresses: string[] = []): boolean {
  const h = lower(headers);
  const autoSubmitted = h["auto-submitted"]?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(h.precedence ?? "")) return true;
  if (
    h["x-autoreply"] ||
    h["x-autorespond"] ||
    /\b(all|oof|autoreply)\b/i.test(h["x-auto-response-suppress"] ?? "")
  )
    return true;
  if (h["return-path"] === "<>") return true;
  if (h["x-mutuo-ticket"] !== undefined && h["x-mutuo-ticket"] !== "") return true;
  const from = (/<([^>]+)>/.exec(h.from ?? "")?.[1] ?? h.from ?? "").toLowerCase();
  if (/^(mailer-daemon|postmaster)@/i.test(from)) return true;
  return ownAddresses.some((a) => a.toLowerCase() === from);
}

/** The ticket number in a subject ("Re: [SOS-2026-000123] …"), if any. */
export function ticketNumberIn(subject: string): string | null {
  return /\bSOS-\d{4}-\d{6}\b/i.exec(subject)?.[0]?.toUpperCase() ?? null;
}

/** Message-IDs a reply refers to (In-Reply-To first, then References, newest first). */
export function referencedIds(headers: Headers): string[] {
  const h = lower(headers);
  const ids = (s: string | undefined) => (s ?? "").match(/<[^<>\s]+>/g) ?? [];
  return [...new Set([...ids(h["in-reply-to"]), ...ids(h.references).reverse()])];
}

const cutMarkers = [
  /^Le .{5,200} a écrit\s?:\s*$/m,
  /^On .{5,200} wrote:\s*$/m,
  /^-{2,}\s*(Original Message|Message d'origine|Message original)\s*-{2,}\s*$/im,
  /^(De|From)\s?:\s.+\n(Envoyé|Sent|Date)\s?:\s/m,
  /^_{5,}\s*$/m,
];

/** The new part of a reply: quoted history, quote markers and the signature are dropped. */
export function stripQuoted(text: string): string {
  let body = text.replace(/\r\n/g, "\n");
  for (const marker of cutMarkers) {
    const m = marker.exec(body);
    if (m) body = body.slice(0, m.index);
  }
  body = body
    .split("\n")
    .filter((l) => !/^\s*>/.test(l))
    .join("\n");
  const sig = body.search(/^-- ?$/m);
  if (sig >= 0) body = body.slice(0, sig);
  return body.replace(/\n{3,}/g, "\n\n").trim();
}

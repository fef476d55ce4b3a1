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

/** What the receiving server's Authentication-Results (RFC 8601) say of a message's sender. */
export type SenderCheck =
  | { verdict: "pass" }
  | { verdict: "fail"; reason: "spoofed_dmarc" | "spoofed_spf_dkim" }
  | { verdict: "absent" };

/** The method results (`spf`, `dkim`, `dmarc`…) of one Authentication-Results value whose
 * authserv-id is `trustedId`; null when the header comes from another server (anyone can write one). */
export function parseAuthenticationResults(value: string, trustedId: string): Map<string, string[]> | null {
  // Comments "(…)" may appear anywhere; quoted strings hold no separators we rely on.
  const clean = value.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ");
  const [head = "", ...parts] = clean.split(";");
  const authservId = head.trim().split(" ")[0]?.toLowerCase() ?? "";
  if (!authservId || authservId !== trustedId.trim().toLowerCase()) return null;
  const results = new Map<string, string[]>();
  for (const part of parts) {
    const m = /^\s*([a-z0-9_-]+)\s*=\s*([a-z]+)/i.exec(part);
    if (!m) continue;
    const method = m[1]!.toLowerCase();
    results.set(method, [...(results.get(method) ?? []), m[2]!.toLowerCase()]);
  }
  return results;
}

/** Whether a message's sender is authenticated, by the first Authentication-Results header of our
 * trusted receiving server: DMARC decides when it was evaluated; without it, SPF and DKIM both
 * failing (none passing) mark the sender as forged. Headers of other authserv-ids are ignored. */
export function checkSender(authenticationResults: string[], trustedId: string): SenderCheck {
  const results = authenticationResults
    .map((v) => parseAuthenticationResults(v, trustedId))
    .find((r) => r !== null);
  if (!results || results.size === 0) return { verdict: "absent" };
  const dmarc = results.get("dmarc") ?? [];
  if (dmarc.includes("fail")) return { verdict: "fail", reason: "spoofed_dmarc" };
  if (dmarc.includes("pass")) return { verdict: "pass" };
  const spf = results.get("spf") ?? [];
  const dkim = results.get("dkim") ?? [];
  if (!spf.length && !dkim.length) return { verdict: "absent" };
  // Neither passes, and at least one says the sender is not who it claims (an unsigned message
  // from a host the domain does not allow, or a broken signature from a host it does not list).
  const passes = spf.includes("pass") || dkim.includes("pass");
  const fails = spf.some((r) => r === "fail" || r === "softfail") || dkim.includes("fail");
  if (!passes && fails) return { verdict: "fail", reason: "spoofed_spf_dkim" };
  return { verdict: "pass" };
}

const fold = (s: string) =>
  ` ${s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9@]+/g, " ")
    .trim()} `;

const KIND_WORDS: Record<string, string[]> = {
  commune: ["commune", "mairie", "ville"],
  ccas: ["ccas"],
  cias: ["cias"],
  association: ["association"],
};

/** The body a message names, among its sender's: the one whose full name it contains (the longest
 * when names nest), else the only one of a kind it names ("CCAS", "mairie"…); null when unsure. */
export function bodyNamedIn(
  text: string,
  bodies: readonly { id: string; legalName: string; kind: string }[],
): string | null {
  const haystack = fold(text);
  const named = bodies
    .filter((b) => haystack.includes(fold(b.legalName)))
    .sort((a, b) => fold(b.legalName).length - fold(a.legalName).length);
  if (named.length === 1 || (named.length > 1 && fold(named[0]!.legalName) !== fold(named[1]!.legalName)))
    return named[0]!.id;
  const byKind = bodies.filter((b) => (KIND_WORDS[b.kind] ?? []).some((w) => haystack.includes(` ${w} `)));
  return byKind.length === 1 ? byKind[0]!.id : null;
}

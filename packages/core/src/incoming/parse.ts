// An RFC 5322 message as the incoming rules need it: sender, subject, text, sanitised HTML, headers,
// attachments. Parsing is mailparser's; what is kept and how it is cleaned is ours.
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";
import { convert } from "html-to-text";
import { sanitizeMailHtml } from "./sanitize.ts";
import type { Headers } from "./rules.ts";

export interface ParsedAttachment {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export interface ParsedMail {
  /** The message's Message-ID, or one derived from its bytes when it has none (so a re-read matches). */
  messageId: string;
  fromEmail: string;
  fromName: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Headers;
  /** Every Authentication-Results header, topmost (the latest added) first. */
  authenticationResults: string[];
  attachments: ParsedAttachment[];
}

const KEPT_HEADERS = [
  "from",
  "to",
  "cc",
  "subject",
  "date",
  "message-id",
  "in-reply-to",
  "references",
  "return-path",
  "auto-submitted",
  "precedence",
  "x-auto-response-suppress",
  "x-autoreply",
  "x-autorespond",
  "x-mutuo-ticket",
  "content-type",
];

function firstAddress(a: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(a) ? a.flatMap((x) => x.value) : (a?.value ?? []);
  const first = list[0];
  return { email: (first?.address ?? "").trim().toLowerCase(), name: (first?.name ?? "").trim() };
}

/** How an outside sender is named in a conversation: "Name <address>", or the address alone. */
export const senderLabel = (m: { fromName: string | null; fromEmail: string }) =>
  m.fromName ? `${m.fromName} <${m.fromEmail}>` : m.fromEmail;

/** A stable Message-ID for a message that has none (so a re-read matches). */
export const derivedMessageId = (raw: Buffer) =>
  `<${createHash("sha256").update(raw).digest("hex").slice(0, 32)}@no-message-id.mutuo>`;

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers: Headers = {};
  const authenticationResults: string[] = [];
  for (const line of mail.headerLines) {
    // Header lines come as binary strings: 8-bit (UTF-8) headers are decoded here.
    const value = () =>
      Buffer.from(line.line.slice(line.line.indexOf(":") + 1), "binary")
        .toString("utf8")
        .replace(/\r?\n[ \t]+/g, " ")
        .trim();
    if (line.key === "authentication-results") authenticationResults.push(value());
    else if (KEPT_HEADERS.includes(line.key)) headers[line.key] = value();
  }
  // Kept with the message, so a technician sees why it was held.
  if (authenticationResults.length) headers["authentication-results"] = authenticationResults.join("\n");
  const from = firstAddress(mail.from);
  const html = typeof mail.html === "string" && mail.html.trim() ? sanitizeMailHtml(mail.html) : null;
  const text = (
    mail.text?.trim() ||
    (html ? convert(html, { wordwrap: false, selectors: [{ selector: "img", format: "skip" }] }) : "")
  ).trim();
  const messageId = mail.messageId?.trim() || derivedMessageId(raw);
  return {
    messageId: messageId.slice(0, 500),
    fromEmail: from.email,
    fromName: from.name,
    subject: (mail.subject ?? "").trim().slice(0, 500),
    text,
    html,
    headers,
    authenticationResults,
    attachments: mail.attachments
      .filter((a) => !a.related) // inline images of the HTML body (logos, signatures)
      .map((a) => ({
        fileName: (a.filename ?? "piece-jointe").slice(0, 200),
        mimeType: a.contentType.toLowerCase(),
        content: a.content,
      })),
  };
}

// The messages sent to the browser: only the namespaces that client components read. Without this,
// next-intl serialises every message of the app into every page's payload (60 KB and growing with
// each domain), though most strings are rendered on the server. A test
// (client-messages.test.ts) fails when a client component reads a namespace missing here.
import type { AbstractIntlMessages } from "next-intl";

export const CLIENT_NAMESPACES = [
  "account",
  "assets",
  "billing",
  "calendars",
  "cannedReplies",
  "catalogue",
  "conventions",
  "errorPage",
  "incoming",
  "loans",
  "queue",
  "terms",
  "ticketPage",
  "tickets",
  "training",
  "ui",
] as const;

export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

/**
 * What the root layout sends to every page: the shell's client components (the error page, the
 * toasts, the partner's « request sent » banner). The rest goes only to the sections whose client
 * components read it (ROUTE_NAMESPACES, through each section's layout): 70 KB less per page.
 */
const SHELL: Partial<Record<ClientNamespace, readonly string[] | true>> = {
  ui: true,
  errorPage: true,
  tickets: ["submitted", "dismiss"],
};

/**
 * The namespaces each section of the app (a folder under app/, with its layout) adds for its client
 * components; a deeper section's layout replaces its parent's messages (e.g. a ticket's page does
 * not carry the queue's).
 */
export const ROUTE_NAMESPACES = {
  calendriers: ["calendars"],
  catalogue: ["catalogue", "terms"],
  compte: ["account"],
  conventions: ["conventions", "terms"],
  "courriels-entrants": ["incoming", "tickets"],
  demandes: ["tickets", "assets", "queue"],
  facturation: ["billing"],
  formations: ["training"],
  prets: ["loans"],
  tickets: ["tickets", "queue"],
  "tickets/[id]": ["tickets", "ticketPage"],
  "tickets/nouveau": ["tickets", "assets"],
  "tickets/reponses-types": ["cannedReplies"],
} as const satisfies Record<string, readonly ClientNamespace[]>;

export function clientMessages(
  messages: AbstractIntlMessages,
  namespaces: readonly ClientNamespace[] = [],
): AbstractIntlMessages {
  const out: Record<string, unknown> = {};
  for (const ns of CLIENT_NAMESPACES) {
    const all = messages[ns];
    if (all === undefined) continue;
    const part = namespaces.includes(ns) ? true : SHELL[ns];
    if (part === true) out[ns] = all;
    else if (part && typeof all === "object")
      out[ns] = Object.fromEntries(part.filter((k) => k in all).map((k) => [k, all[k]]));
  }
  return out as AbstractIntlMessages;
}

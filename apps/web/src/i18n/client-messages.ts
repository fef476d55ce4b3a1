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

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]),
  ) as AbstractIntlMessages;
}

// A section's layout sends its client components the messages they read (see client-messages.ts),
// on top of the shell's; the nested provider replaces the root's for the pages below it.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, ROUTE_NAMESPACES } from "./client-messages.ts";

export async function SectionMessages({
  section,
  children,
}: {
  section: keyof typeof ROUTE_NAMESPACES;
  children: ReactNode;
}) {
  const messages = clientMessages(await getMessages(), ROUTE_NAMESPACES[section]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Shell } from "../components/shell.tsx";
import { Toaster } from "../components/ui/toast-region-lazy.tsx";
import { clientMessages } from "../i18n/client-messages.ts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s — ${t("title")}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("ui");
  const messages = clientMessages(await getMessages());
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={messages}>
          {/* No query client here: the one client component calling tRPC brings its own (live-banner-poll). */}
          <Shell>{children}</Shell>
          <Toaster label={t("notifications")} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

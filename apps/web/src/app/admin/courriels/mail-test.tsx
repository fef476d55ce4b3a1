// « Tester la configuration »: the worker sends a test e-mail and reads the support mailbox once; the
// outcome shows here (the page refreshes itself while the worker is at it).
import { getFormatter, getTranslations } from "next-intl/server";
import type { MailTestResult } from "@mutuo/core/notifications";
import { ButtonForm } from "../../../components/button-form.tsx";
import { RefreshWhile } from "./refresh-while.tsx";
import { testConfigurationAction } from "./actions.ts";

export async function MailTest({ result }: { result: MailTestResult | null }) {
  const t = await getTranslations("mailbox.test");
  const format = await getFormatter();
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
  const line = (ok: boolean, text: string) => (
    <li className={ok ? "text-green-800" : "text-red-800"}>
      {ok ? "✓" : "✗"} {text}
    </li>
  );
  return (
    <section aria-labelledby="mail-test" className="mb-6 rounded-md border border-slate-200 bg-white p-4">
      <h2 id="mail-test" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-slate-700">{t("lead")}</p>
      <ButtonForm action={testConfigurationAction} label={t("button")} />
      {result ? (
        <div role="status" className="mt-3">
          <p className="font-medium">{t("asked", { date: when(result.requestedAt), to: result.to })}</p>
          {result.state === "pending" ? (
            <>
              <p>{t("pending")}</p>
              <RefreshWhile active />
            </>
          ) : (
            <ul className="mt-1 flex flex-col gap-1">
              {result.send
                ? line(
                    result.send.ok,
                    result.send.ok
                      ? t(result.send.via === "smtp" ? "sentSmtp" : "sentFolder", { to: result.to })
                      : t("sendFailed", { error: result.send.error ?? "" }),
                  )
                : null}
              {result.read
                ? line(
                    result.read.ok,
                    !result.read.configured
                      ? t("noImap")
                      : result.read.error
                        ? t("readFailed", { error: result.read.error })
                        : t("read", {
                            processed: result.read.processed ?? 0,
                            failed: result.read.failed ?? 0,
                          }),
                  )
                : null}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}

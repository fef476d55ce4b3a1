import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { ButtonForm } from "../../../components/button-form.tsx";
import { retryAllAction } from "./actions.ts";
import { MailTest } from "./mail-test.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("mailbox");
  return { title: t("title") };
}

const params = z.object({
  status: z.enum(["pending", "sent", "failed"]).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

/** Every e-mail Mutuo sends: with no SMTP server configured, this is where they can be read. */
export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin") notFound();
  const t = await getTranslations("mailbox");
  const format = await getFormatter();
  const f = params.parse(await searchParams);
  const caller = await api();
  const [page, lastTest] = await Promise.all([
    caller.mailbox
      .list({ status: f.status, cursor: f.cursor })
      .catch(() => caller.mailbox.list({ status: f.status })),
    caller.mailbox.lastTest(),
  ]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <MailTest result={lastTest} />
      <nav aria-label={t("filter")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {([undefined, "pending", "sent", "failed"] as const).map((s) => (
            <li key={s ?? "all"}>
              <Link
                href={s ? `/admin/courriels?status=${s}` : "/admin/courriels"}
                aria-current={f.status === s ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${f.status === s ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}
              >
                {t(`status.${s ?? "all"}`)}
                {s ? ` (${page.counts[s] ?? 0})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.counts.failed ? (
        <div className="mb-4">
          <ButtonForm action={retryAllAction} label={t("retryAll", { n: page.counts.failed })} />
        </div>
      ) : null}
      {page.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")} headers={[t("date"), t("to"), t("subject"), t("statusLabel")]}>
          {page.items.map((m) => (
            <tr key={m.id}>
              <Cell>
                {format.dateTime(m.createdAt, {
                  dateStyle: "short",
                  timeStyle: "short",
                  timeZone: "Europe/Paris",
                })}
              </Cell>
              <Cell>{m.toEmail}</Cell>
              <Cell header>
                <Link href={`/admin/courriels/${m.id}`}>
                  {m.subject ?? t(`template.${m.template.replace(/[.-]/g, "_")}`, { number: m.number ?? "" })}
                </Link>
              </Cell>
              <Cell>
                {t(`state.${m.status}`)}
                {m.status !== "sent" && m.attempts ? ` — ${t("attempts", { n: m.attempts })}` : ""}
                {m.status !== "sent" && m.lastError ? (
                  <span className="block text-sm text-red-800">{m.lastError}</span>
                ) : null}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link
            href={`/admin/courriels?${new URLSearchParams({ ...(f.status ? { status: f.status } : {}), cursor: page.nextCursor })}`}
          >
            {t("next")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

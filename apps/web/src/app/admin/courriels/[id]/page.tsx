import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonForm } from "../../../../components/button-form.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { retryAction } from "../actions.ts";
import { uuidOrNotFound } from "../../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("mailbox");
  const m = await (await api()).mailbox.get({ id: (await params).id }).catch(() => null);
  return { title: m?.subject || t("title") };
}

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role !== "admin") notFound();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("mailbox");
  const format = await getFormatter();
  const m = await (await api()).mailbox.get({ id }).catch(() => null);
  if (!m) notFound();
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <>
      <PageTitle lead={t(`state.${m.status}`)}>{m.subject}</PageTitle>
      <dl className="mb-6 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        {row(t("to"), m.toEmail)}
        {row(
          t("date"),
          format.dateTime(m.createdAt, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
        )}
        {m.sentAt
          ? row(
              t("sentAt"),
              format.dateTime(m.sentAt, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
            )
          : null}
        {row("Message-ID", <code>{m.messageId}</code>)}
        {row(t("attemptsLabel"), m.attempts)}
        {m.lastError ? row(t("error"), <code>{m.lastError}</code>) : null}
        {m.ticketId
          ? row(
              t("ticket"),
              <Link href={`/tickets/${m.ticketId}`}>{(m.data as { number?: string }).number}</Link>,
            )
          : null}
      </dl>
      {m.status === "failed" ? (
        <div className="mb-6">
          <ButtonForm action={retryAction.bind(null, id)} label={t("retry")} />
        </div>
      ) : null}
      <section aria-labelledby="body">
        <h2 id="body" className="mb-2 text-lg font-semibold">
          {t("body")}
        </h2>
        <pre className="whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-4 font-sans">
          {m.text}
        </pre>
        {m.html ? (
          <p className="mt-4">
            <a href={`/admin/courriels/${id}/html`}>{t("htmlVersion")}</a>
          </p>
        ) : null}
      </section>
      <p className="mt-6">
        <Link href="/admin/courriels">{t("back")}</Link>
      </p>
    </>
  );
}

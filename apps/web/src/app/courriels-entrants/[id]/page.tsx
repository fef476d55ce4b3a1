import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonForm } from "../../../components/button-form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { bodyChoices } from "../../conventions/options.ts";
import { AcceptForm } from "../accept-form.tsx";
import { acceptAsReplyAction, acceptAsTicketAction, rejectAction } from "../actions.ts";
import { uuidOrNotFound } from "../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("incoming");
  const m = await (await api()).incoming.get({ id: (await params).id }).catch(() => null);
  return { title: m ? m.subject || t("noSubject") : t("title") };
}

/** The sender's own choices first (their bodies, the services those cover), then the rest. */
const first = <T extends { value: string }>(options: T[], ids: string[]) => [
  ...options.filter((o) => ids.includes(o.value)),
  ...options.filter((o) => !ids.includes(o.value)),
];

export default async function IncomingMailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("incoming");
  const format = await getFormatter();
  const caller = await api();
  const m = await caller.incoming.get({ id }).catch(() => null);
  if (!m) notFound();
  const quarantined = m.status === "quarantined";
  const [{ bodies }, services] = quarantined
    ? await Promise.all([bodyChoices(caller), caller.catalogue.list()])
    : [{ bodies: [] }, []];
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{value}</dd>
    </>
  );
  const authResults = (m.headers as Record<string, string | undefined>)["authentication-results"];
  const skipped = (m.skipped ?? []) as { name: string; reason: "type" | "size" | "count" }[];
  return (
    <>
      <PageTitle lead={t(`status.${m.status}`)}>{m.subject || t("noSubject")}</PageTitle>
      <dl className="mb-6 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        {row(t("from"), m.fromName ? `${m.fromName} <${m.fromEmail}>` : m.fromEmail)}
        {row(t("receivedAt"), when(m.receivedAt))}
        {m.reason
          ? row(
              t("statusLabel"),
              t(
                `reason.${m.reason.startsWith("refused:") ? "refused" : m.reason}` as "reason.unknown_sender",
              ),
            )
          : null}
        {m.ticket
          ? row(
              m.status === "quarantined" ? t("answers") : t("ticket"),
              <Link href={`/tickets/${m.ticket.id}`}>
                {m.ticket.number} — {m.ticket.subject}
              </Link>,
            )
          : null}
        {m.decidedAt
          ? row(
              t(`status.${m.status}`),
              t("decided", { name: m.decidedByName ?? "—", date: when(m.decidedAt) }),
            )
          : null}
        {row("Message-ID", <code className="break-all">{m.messageId}</code>)}
        {authResults
          ? row(
              "Authentication-Results",
              <code className="whitespace-pre-wrap break-all">{authResults}</code>,
            )
          : null}
      </dl>
      <section aria-labelledby="text" className="mb-6">
        <h2 id="text" className="mb-2 text-lg font-semibold">
          {t("text")}
        </h2>
        <pre className="max-w-3xl whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-4 font-sans">
          {m.text}
        </pre>
        {m.html ? (
          <p className="mt-2">
            <a href={`/courriels-entrants/${id}/html`}>{t("htmlVersion")}</a>
          </p>
        ) : null}
        {m.attachments.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t("attachments")}</h3>
            <ul className="list-disc pl-6">
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/incoming/attachments/${a.id}`}>{a.file.name}</a> (
                  {Math.ceil(a.file.size / 1024)} Ko)
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {skipped.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t("skipped")}</h3>
            <ul className="list-disc pl-6">
              {skipped.map((s, i) => (
                <li key={i}>
                  {s.name} — {t(`skippedReason.${s.reason}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {quarantined ? (
        <>
          {m.ticket ? (
            <section aria-labelledby="accept-reply" className="mb-6">
              <h2 id="accept-reply" className="mb-2 text-lg font-semibold">
                {t("acceptReply", { number: m.ticket.number })}
              </h2>
              <p className="mb-2 text-slate-700">{t("acceptReplyLead")}</p>
              <ButtonForm
                action={acceptAsReplyAction.bind(null, id)}
                label={t("acceptReply", { number: m.ticket.number })}
              />
            </section>
          ) : null}
          <section aria-labelledby="accept-ticket" className="mb-6">
            <h2 id="accept-ticket" className="mb-2 text-lg font-semibold">
              {t("acceptTicket")}
            </h2>
            <p className="mb-2 text-slate-700">{t("acceptTicketLead")}</p>
            <AcceptForm
              action={acceptAsTicketAction.bind(null, id)}
              bodies={first(
                bodies.map((b) => ({ value: b.id, label: b.legalName })),
                m.senderBodyIds,
              )}
              services={first(
                services.map((s) => ({ value: s.id, label: s.name })),
                m.senderServiceIds,
              )}
              defaultBodyId={m.senderBodyIds.length === 1 ? m.senderBodyIds[0] : undefined}
              declarantName={m.fromName || m.fromEmail}
            />
          </section>
          <section aria-labelledby="reject" className="mb-6">
            <h2 id="reject" className="mb-2 text-lg font-semibold">
              {t("reject")}
            </h2>
            <p className="mb-2 text-slate-700">{t("rejectLead")}</p>
            <ButtonForm action={rejectAction.bind(null, id)} label={t("reject")} />
          </section>
        </>
      ) : null}
      <p className="mt-6">
        <Link href="/courriels-entrants">{t("back")}</Link>
      </p>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { canMove } from "@mutuo/core/tickets";
import { ButtonForm } from "../../../components/button-form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateToParisLocal } from "../../../lib/paris-time.ts";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import {
  assignAction,
  deadlineAction,
  diagnosisAction,
  linkAction,
  mergeAction,
  messageAction,
  priorityAction,
  rateAction,
  serviceAction,
  statusAction,
} from "../actions.ts";
import { SlaPanel } from "../sla-panel.tsx";
import { DuePromise, StatusLabel } from "../ticket-bits.tsx";
import {
  AssignForm,
  DeadlineForm,
  DiagnosisForm,
  MessageForm,
  NumberForm,
  PriorityForm,
  RateForm,
  ServiceForm,
  StatusForm,
} from "../ticket-forms.tsx";
import { EventText } from "../event-text.tsx";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog.tsx";
import { firstOrdinal } from "../../../lib/french-date.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("tickets");
  const tk = await (await api()).tickets.get({ id: (await params).id }).catch(() => null);
  return { title: tk ? `${tk.number} · ${tk.subject}` : t("queue") };
}

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const t = await getTranslations("tickets");
  const format = await getFormatter();
  const caller = await api();
  const ticket = await caller.tickets.get({ id }).catch(() => null);
  if (!ticket) notFound();
  const staff = ticket.canWork;
  const [assignable, services] = staff
    ? await Promise.all([caller.tickets.assignable(), caller.catalogue.list()])
    : [[], []];
  const when = (d: Date) =>
    firstOrdinal(format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }));
  const moves = (
    ["new", "assigned", "in_progress", "waiting_partner", "resolved", "closed", "cancelled"] as const
  ).filter((s) => canMove(ticket.status, s, actor.role));
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{value}</dd>
    </>
  );
  const attachmentLink = (a: { id: string; file: { name: string; size: number } }) => (
    <a href={`/api/tickets/attachments/${a.id}`}>
      {a.file.name} ({format.number(Math.max(1, Math.round(a.file.size / 1024)))} Ko)
    </a>
  );

  return (
    <>
      <PageTitle lead={`${ticket.number} · ${ticket.body.legalName} · ${ticket.service.name}`}>
        {ticket.subject}
      </PageTitle>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <StatusLabel status={ticket.status} />
        <span>
          {t("priority")} : {t(`priorities.${ticket.priority}`)}
        </span>
        <span role="status" className="rounded-md bg-brand-50 px-3 py-1 font-medium text-brand-900">
          <DuePromise t={ticket} />
        </span>
      </div>
      {ticket.mergedInto ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3">
          {t("mergedInto")} <Link href={`/tickets/${ticket.mergedInto.id}`}>{ticket.mergedInto.number}</Link>
        </p>
      ) : null}

      <dl className="mb-6 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        {row(
          t("receivedAt"),
          <>
            {when(ticket.receivedAt)} — {t(`channel.${ticket.channel}`)}
            {ticket.createdAt.getTime() - ticket.receivedAt.getTime() > 60_000
              ? ` (${t("enteredAt", { when: when(ticket.createdAt) })})`
              : ""}
          </>,
        )}
        {row(
          t("declarant"),
          [ticket.declarantName, ticket.declarantPhone, ticket.declarantEmail].filter(Boolean).join(" · "),
        )}
        {row(t("category"), t(`categories.${ticket.category}`))}
        {row(t("equipment"), ticket.equipment || "—")}
        {row(t("impactUrgency"), `${t(`level.${ticket.impact}`)} / ${t(`urgencyLevel.${ticket.urgency}`)}`)}
        {row(t("assignee"), ticket.assignee?.name ?? t("unassigned"))}
        {ticket.diagnosis ? row(t("diagnosis"), ticket.diagnosis) : null}
        {ticket.estimatedRestorationAt ? row(t("eta"), when(ticket.estimatedRestorationAt)) : null}
        {ticket.csatScore
          ? row(
              t("csat"),
              `${t("scoreValue", { n: ticket.csatScore })}${ticket.csatComment ? ` — ${ticket.csatComment}` : ""}`,
            )
          : null}
      </dl>

      <section aria-labelledby="description" className="mb-6">
        <h2 id="description" className="mb-2 text-lg font-semibold">
          {t("description")}
        </h2>
        <p className="whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3">
          {ticket.description}
        </p>
        {ticket.attachments.length ? (
          <ul className="mt-2 list-disc pl-6">
            {ticket.attachments.map((a) => (
              <li key={a.id}>{attachmentLink(a)}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <SlaPanel
        source={ticket.termsSource}
        calendarName={ticket.calendarName}
        intervention={{
          minutes: ticket.interventionMinutes,
          basis: ticket.interventionBasis,
          dueAt: ticket.interventionDueAt,
          state: ticket.interventionState,
          manual: ticket.interventionDueManual,
          days: ticket.explainer.intervention,
        }}
        resolution={{
          minutes: ticket.resolutionMinutes,
          basis: ticket.resolutionBasis,
          dueAt: ticket.resolutionDueAt,
          state: ticket.resolutionState,
          manual: ticket.resolutionDueManual,
          days: ticket.explainer.resolution,
        }}
      />

      <section aria-labelledby="actions" className="mb-6 flex max-w-2xl flex-col gap-3">
        <h2 id="actions" className="text-lg font-semibold">
          {t("actions")}
        </h2>
        {staff && moves.length ? (
          <StatusForm
            action={statusAction.bind(null, id, null)}
            options={moves.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        ) : null}
        {!staff && moves.includes("in_progress") ? (
          <ButtonForm action={statusAction.bind(null, id, "in_progress")} label={t("reopen")} />
        ) : null}
        {!staff && moves.includes("cancelled") ? (
          <div>
            <ConfirmDialog
              trigger={t("cancel")}
              title={t("cancelTitle")}
              consequence={t("cancelConsequence")}
              confirmLabel={t("cancelConfirm")}
              cancelLabel={t("cancelKeep")}
              action={statusAction.bind(null, id, "cancelled")}
              reason={{ label: t("cancelReason"), name: "comment" }}
            />
          </div>
        ) : null}
        {staff ? (
          <>
            <AssignForm
              action={assignAction.bind(null, id)}
              current={ticket.assignee?.id ?? null}
              staff={assignable.map((s) => ({ value: s.id, label: s.name }))}
            />
            <PriorityForm
              action={priorityAction.bind(null, id)}
              impact={ticket.impact}
              urgency={ticket.urgency}
            />
            <ServiceForm
              action={serviceAction.bind(null, id)}
              current={ticket.serviceId}
              services={services.map((s) => ({ value: s.id, label: s.name }))}
            />
            <DiagnosisForm
              action={diagnosisAction.bind(null, id)}
              diagnosis={ticket.diagnosis ?? ""}
              eta={ticket.estimatedRestorationAt ? dateToParisLocal(ticket.estimatedRestorationAt) : ""}
            />
            {actor.role !== "technician" ? <DeadlineForm action={deadlineAction.bind(null, id)} /> : null}
            <NumberForm
              action={mergeAction.bind(null, id)}
              title={t("merge")}
              name="intoNumber"
              label={t("mergeInto")}
              submit={t("merge")}
            />
            <NumberForm
              action={linkAction.bind(null, id)}
              title={t("link")}
              name="otherNumber"
              label={t("linkTo")}
              submit={t("link")}
            />
          </>
        ) : null}
        {!staff && (ticket.status === "resolved" || ticket.status === "closed") && !ticket.csatScore ? (
          <div className="rounded-md border border-slate-200 bg-white p-3">
            <h3 className="mb-2 font-semibold">{t("rateTitle")}</h3>
            <RateForm action={rateAction.bind(null, id)} />
          </div>
        ) : null}
        {ticket.links.length || ticket.merged.length ? (
          <div>
            <h3 className="font-semibold">{t("related")}</h3>
            <ul className="list-disc pl-6">
              {ticket.links.map((l) => (
                <li key={l.id}>
                  <Link href={`/tickets/${l.id}`}>{l.number}</Link> — {l.subject}
                </li>
              ))}
              {ticket.merged.map((l) => (
                <li key={l.id}>
                  <Link href={`/tickets/${l.id}`}>{l.number}</Link> — {t("mergedHere")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="conversation-title" id="conversation" className="mb-6">
        <h2 id="conversation-title" className="mb-3 text-lg font-semibold">
          {t("conversation")}
        </h2>
        <ol className="mb-6 flex flex-col gap-3">
          {ticket.messages.map((m) => (
            <li
              key={m.id}
              className={`rounded-md border p-3 ${m.kind === "note" ? "border-amber-300 bg-amber-50" : m.kind === "event" ? "border-slate-200 bg-slate-50 text-sm" : "border-slate-200 bg-white"}`}
            >
              <p className="text-sm">
                <span className="font-medium">{m.authorLabel}</span>
                {m.kind === "note" ? ` — ${t("internalNote")}` : ""}
                {(m.data as { via?: string } | null)?.via === "email" ? ` — ${t("viaEmail")}` : ""} —{" "}
                <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
              </p>
              {m.kind === "event" ? (
                <EventText data={m.data as Record<string, unknown> | null} body={m.body} />
              ) : (
                <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
              )}
              {m.attachments.length ? (
                <ul className="mt-1 list-disc pl-6 text-sm">
                  {m.attachments.map((a) => (
                    <li key={a.id}>{attachmentLink(a)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        {!staff && ticket.status === "resolved" ? <p className="mb-2 text-sm">{t("replyReopens")}</p> : null}
        {ticket.status !== "closed" && ticket.status !== "cancelled" ? (
          <MessageForm action={messageAction.bind(null, id)} staff={staff} />
        ) : null}
      </section>
    </>
  );
}

import Link from "next/link";
import { TicketAsset } from "../../equipements/ticket-asset.tsx";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { cache } from "react";
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
  takeAction,
} from "../actions.ts";
import { SlaPanel } from "../sla-panel.tsx";
import { DuePromise, StatusLabel, formatDue } from "../ticket-bits.tsx";
import {
  AssignForm,
  DeadlineForm,
  DiagnosisForm,
  InPlace,
  NumberForm,
  PriorityForm,
  RateForm,
  ServiceForm,
  StatusForm,
} from "../ticket-forms.tsx";
import { EventText } from "../event-text.tsx";
import { ContextPanel } from "./context-panel.tsx";
import { MoreMenu } from "./more-menu.tsx";
import { Presence } from "./presence.tsx";
import { heartbeatAction, leaveAction } from "./presence-actions.ts";
import { ReplyBox } from "./reply-box.tsx";
import { TimeSection } from "../../facturation/time-section.tsx";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog.tsx";
import { buttonClass } from "../../../components/ui/button.tsx";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { firstOrdinal } from "../../../lib/french-date.ts";

export const dynamic = "force-dynamic";

/** The ticket, read once per request: the title and the page share it (null when not visible). */
const readTicket = cache(async (id: string) =>
  /^[0-9a-f-]{36}$/i.test(id) ? (await api()).tickets.get({ id }).catch(() => null) : null,
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("tickets");
  const ticket = await readTicket(id);
  return { title: ticket ? `${ticket.number} · ${ticket.subject}` : t("queue") };
}

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("tickets");
  const p = await getTranslations("ticketPage");
  const format = await getFormatter();
  const caller = await api();
  // One round: staff's side panels are read beside the ticket. Their failures wait until the
  // ticket is known visible (an invisible one is a 404, whatever the panels said).
  const staffSide = actor.role !== "agent";
  const later = <T,>(p: Promise<T>) =>
    p.then(
      (v) => () => v,
      (e: unknown) => () => {
        throw e;
      },
    );
  const [ticket, readAssignable, readServices, readContext, readCanned] = await Promise.all([
    readTicket(id),
    later(staffSide ? caller.tickets.assignable() : Promise.resolve([])),
    later(staffSide ? caller.catalogue.list() : Promise.resolve([])),
    later(staffSide ? caller.tickets.context({ id }) : Promise.resolve(null)),
    later(staffSide ? caller.cannedReplies.forTicket({ ticketId: id }) : Promise.resolve([])),
  ]);
  if (!ticket) notFound();
  const assignable = readAssignable();
  const services = readServices();
  const context = readContext();
  const canned = readCanned();
  const staff = ticket.canWork;
  const when = (d: Date) =>
    firstOrdinal(format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }));
  const moves = (
    ["new", "assigned", "in_progress", "waiting_partner", "resolved", "closed", "cancelled"] as const
  ).filter((s) => canMove(ticket.status, s, actor.role));
  const open = ticket.status !== "closed" && ticket.status !== "cancelled";
  const attachmentLink = (a: { id: string; file: { name: string; size: number } }) => (
    <a href={`/api/tickets/attachments/${a.id}`}>
      {a.file.name} ({format.number(Math.max(1, Math.round(a.file.size / 1024)))} Ko)
    </a>
  );
  // Partners never read that the technician was reminded.
  const messages = staff
    ? ticket.messages
    : ticket.messages.filter((m) => !(m.kind === "event" && (m.data as { waitingDue?: string })?.waitingDue));
  const version = ticket.updatedAt.getTime();
  const edit = p("edit");

  const conversation = (
    <section aria-labelledby="conversation-title" id="conversation" className="min-w-0">
      <h2 id="conversation-title" className="mb-3 text-lg font-semibold">
        {t("conversation")}
      </h2>
      <ol className="mb-4 flex flex-col gap-3">
        <li className="rounded-md border border-slate-200 bg-white p-3">
          <p className="text-sm">
            <span className="font-medium">{ticket.declarantName}</span> — {t("description")} —{" "}
            <time dateTime={ticket.receivedAt.toISOString()}>{when(ticket.receivedAt)}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap">{ticket.description}</p>
          {ticket.attachments.length ? (
            <ul className="mt-1 list-disc pl-6 text-sm">
              {ticket.attachments.map((a) => (
                <li key={a.id}>{attachmentLink(a)}</li>
              ))}
            </ul>
          ) : null}
        </li>
        {messages.map((m) => (
          <li
            key={m.id}
            className={`rounded-md border p-3 ${
              m.kind === "note"
                ? "border-l-4 border-amber-400 border-l-amber-600 bg-amber-50"
                : m.kind === "event"
                  ? "border-slate-200 bg-slate-50 text-sm"
                  : m.fromStaff
                    ? "border-brand-100 bg-brand-50"
                    : "border-slate-200 bg-white"
            }`}
          >
            <p className="text-sm">
              <span className="font-medium">{m.authorLabel}</span>
              {m.kind === "note" ? ` — ${t("internalNote")}` : ""}
              {(m.data as { via?: string } | null)?.via === "email" ? ` — ${t("viaEmail")}` : ""} —{" "}
              <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
            </p>
            {m.kind === "event" ? (
              <EventText data={m.data as Record<string, unknown> | null} body={m.body} partner={!staff} />
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
      {open ? (
        // Sticky from tablet width up; on a phone it would hide the thread it answers.
        <div
          id="repondre"
          className="-mx-1 scroll-mt-4 bg-slate-50/95 px-1 pb-2 pt-2 md:sticky md:bottom-0 md:z-10 md:backdrop-blur"
        >
          <h3 className="sr-only">{p("reply")}</h3>
          <ReplyBox
            key={version}
            action={messageAction.bind(null, id)}
            staff={staff}
            canned={canned}
            canWait={moves.includes("waiting_partner") || ticket.status === "waiting_partner"}
            canResolve={moves.includes("resolved")}
          />
        </div>
      ) : null}
    </section>
  );

  return (
    <>
      <PageTitle lead={`${ticket.number} · ${ticket.body.legalName} · ${ticket.service.name}`}>
        {ticket.subject}
      </PageTitle>
      {staff ? <Presence ticketId={id} beat={heartbeatAction} leave={leaveAction} /> : null}
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <StatusLabel status={ticket.status} partner={!staff} />
        <span>
          {t("priority")} : {t(`priorities.${ticket.priority}`)}
        </span>
        <span
          role="status"
          data-testid="due-promise"
          className="rounded-md bg-brand-50 px-3 py-1 font-medium text-brand-900"
        >
          <DuePromise t={ticket} staff={staff} />
        </span>
        {open ? (
          // On a phone the reply box is under the whole thread: one tap takes the thumb there.
          <a href="#repondre" className={buttonClass({ variant: "secondary", className: "md:hidden" })}>
            {p("reply")}
          </a>
        ) : null}
        {staff && !ticket.assignee && open ? (
          <ButtonForm action={takeAction.bind(null, id, actor.userId)} label={p("takeIt")} />
        ) : null}
        {staff ? (
          <div className="ml-auto">
            <MoreMenu
              entries={[
                {
                  key: "merge",
                  icon: "merge",
                  label: t("merge"),
                  form: (
                    <NumberForm
                      action={mergeAction.bind(null, id)}
                      name="intoNumber"
                      label={t("mergeInto")}
                      submit={t("merge")}
                    />
                  ),
                },
                {
                  key: "link",
                  icon: "link",
                  label: t("link"),
                  form: (
                    <NumberForm
                      action={linkAction.bind(null, id)}
                      name="otherNumber"
                      label={t("linkTo")}
                      submit={t("link")}
                    />
                  ),
                },
                ...(actor.role !== "technician"
                  ? [
                      {
                        key: "deadline",
                        icon: "deadline" as const,
                        label: t("setDeadline"),
                        form: <DeadlineForm action={deadlineAction.bind(null, id)} />,
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        ) : null}
      </div>
      {ticket.mergedInto ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3">
          {t(staff ? "mergedInto" : "mergedIntoPartner")}{" "}
          <Link href={`/tickets/${ticket.mergedInto.id}`}>{ticket.mergedInto.number}</Link>
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {conversation}
        <aside className="flex min-w-0 flex-col gap-4" aria-label={p("properties")} key={version}>
          <section
            aria-labelledby="properties-title"
            className="rounded-lg border border-slate-200 bg-white px-4 py-2"
          >
            <h2 id="properties-title" className="pt-2 text-lg font-semibold">
              {p("properties")}
            </h2>
            {staff && moves.length ? (
              <InPlace
                label={t("statusLabel")}
                value={<StatusLabel status={ticket.status} />}
                editLabel={t("changeStatus")}
              >
                <StatusForm
                  action={statusAction.bind(null, id, null)}
                  options={moves.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                />
              </InPlace>
            ) : null}
            {staff ? (
              <>
                <InPlace
                  label={t("assignee")}
                  value={ticket.assignee?.name ?? t("unassigned")}
                  editLabel={edit}
                >
                  <AssignForm
                    action={assignAction.bind(null, id)}
                    current={ticket.assignee?.id ?? null}
                    staff={assignable.map((s) => ({ value: s.id, label: s.name }))}
                  />
                </InPlace>
                <InPlace
                  label={t("impactUrgency")}
                  value={`${t(`level.${ticket.impact}`)} / ${t(`urgencyLevel.${ticket.urgency}`)} → ${t(`priorities.${ticket.priority}`)}`}
                  editLabel={edit}
                >
                  <PriorityForm
                    action={priorityAction.bind(null, id)}
                    impact={ticket.impact}
                    urgency={ticket.urgency}
                  />
                </InPlace>
                <InPlace label={t("service")} value={ticket.service.name} editLabel={t("changeService")}>
                  <ServiceForm
                    action={serviceAction.bind(null, id)}
                    current={ticket.serviceId}
                    services={services.map((s) => ({ value: s.id, label: s.name }))}
                  />
                </InPlace>
                <InPlace
                  label={t("diagnosis")}
                  value={
                    <>
                      <span className="whitespace-pre-wrap">{ticket.diagnosis ?? "—"}</span>
                      {ticket.estimatedRestorationAt ? (
                        <span className="block text-sm">
                          {t("eta")} : {when(ticket.estimatedRestorationAt)}
                        </span>
                      ) : null}
                    </>
                  }
                  editLabel={edit}
                >
                  <DiagnosisForm
                    action={diagnosisAction.bind(null, id)}
                    diagnosis={ticket.diagnosis ?? ""}
                    eta={ticket.estimatedRestorationAt ? dateToParisLocal(ticket.estimatedRestorationAt) : ""}
                  />
                </InPlace>
              </>
            ) : null}
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 py-2 text-sm">
              <dt className="font-medium">{t("receivedAt")}</dt>
              <dd>
                {when(ticket.receivedAt)} — {t(`channel.${ticket.channel}`)}
                {ticket.createdAt.getTime() - ticket.receivedAt.getTime() > 60_000
                  ? ` (${t("enteredAt", { when: when(ticket.createdAt) })})`
                  : ""}
              </dd>
              <dt className="font-medium">{t("declarant")}</dt>
              <dd className="break-words">
                {[ticket.declarantName, ticket.declarantPhone, ticket.declarantEmail]
                  .filter(Boolean)
                  .join(" · ")}
              </dd>
              <dt className="font-medium">{t("category")}</dt>
              <dd>{t(`categories.${ticket.category}`)}</dd>
              <dt className="font-medium">{t("equipment")}</dt>
              <dd>{ticket.equipment || "—"}</dd>
              {ticket.asset ? <TicketAsset asset={ticket.asset} /> : null}
              {!staff ? (
                <>
                  <dt className="font-medium">{t("assignee")}</dt>
                  <dd>{ticket.assignee?.name ?? t("unassigned")}</dd>
                  {ticket.diagnosis ? (
                    <>
                      <dt className="font-medium">{t("diagnosis")}</dt>
                      <dd className="whitespace-pre-wrap">{ticket.diagnosis}</dd>
                    </>
                  ) : null}
                  {ticket.estimatedRestorationAt ? (
                    <>
                      <dt className="font-medium">{t("eta")}</dt>
                      <dd>{when(ticket.estimatedRestorationAt)}</dd>
                    </>
                  ) : null}
                </>
              ) : null}
              {ticket.csatScore ? (
                <>
                  <dt className="font-medium">{t("csat")}</dt>
                  <dd>
                    {t("scoreValue", { n: ticket.csatScore })}
                    {ticket.csatComment ? ` — ${ticket.csatComment}` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
            {!staff && moves.includes("in_progress") ? (
              <div className="pb-3">
                <ButtonForm action={statusAction.bind(null, id, "in_progress")} label={t("reopen")} />
              </div>
            ) : null}
            {!staff && moves.includes("cancelled") ? (
              <div className="pb-3">
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
          </section>

          {!staff && (ticket.status === "resolved" || ticket.status === "closed") && !ticket.csatScore ? (
            <section id="noter" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="mb-2 font-semibold">{t("rateTitle")}</h2>
              <RateForm action={rateAction.bind(null, id)} />
            </section>
          ) : null}

          <SlaPanel
            source={ticket.termsSource}
            calendarName={ticket.calendarName}
            clockStartsAt={ticket.clockStartsAt ? await formatDue(ticket.clockStartsAt) : null}
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

          {ticket.links.length || ticket.merged.length || ticket.linkedToOtherIncident ? (
            <section className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold">{t(staff ? "related" : "relatedPartner")}</h2>
              {ticket.linkedToOtherIncident ? <p>{t("linkedToOtherIncident")}</p> : null}
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
            </section>
          ) : null}

          {context ? <ContextPanel ctx={context} /> : null}
          {staff ? <TimeSection ticketId={id} /> : null}
        </aside>
      </div>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { localToday } from "@mutuo/core/conventions";
import { History } from "../../../components/history.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { TermsTable } from "../../../components/terms-table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import {
  addDocumentAction,
  amendAction,
  lifecycleAction,
  removeDocumentAction,
  removeServiceAction,
  versionAction,
} from "../actions.ts";
import { AmendForm, ButtonForm, DocumentForm, NoticeForm, RenewForm, TerminateForm } from "../buttons.tsx";
import { StatusBadge } from "../status-badge.tsx";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog.tsx";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { firstOrdinal } from "../../../lib/french-date.ts";
import { TrainingDays } from "../../formations/training-days.tsx";

export const dynamic = "force-dynamic";

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("conventions");
  const c = await (await api()).conventions.get({ id: (await params).id }).catch(() => null);
  return { title: c ? `${c.number} · ${c.title}` : t("title") };
}

export default async function ConventionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ date?: string }>;
}) {
  await requireActorOrRedirect();
  const { id } = await params;
  uuidOrNotFound(id);
  const date = dateParam.parse((await searchParams).date);
  const t = await getTranslations("conventions");
  const format = await getFormatter();
  const caller = await api();
  const c = await caller.conventions.get({ id }).catch(() => null);
  if (!c) notFound();
  const [history, onDay] = await Promise.all([
    caller.audit.history({ entityType: "Convention", entityId: id }),
    date ? caller.conventions.termsOn({ conventionId: id, date }) : Promise.resolve(null),
  ]);
  const d = (s: string | null) =>
    s
      ? firstOrdinal(
          format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "long", timeZone: "Europe/Paris" }),
        )
      : "—";
  const today = localToday(new Date());
  const versionLabel = (v: { number: number }) =>
    v.number === 1 ? t("initialVersion") : t("amendmentN", { n: v.number - 1 });
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-medium">{label}</dt>
      {/* Long references (deliberation numbers, addresses) wrap on a phone rather than scroll. */}
      <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
    </>
  );

  return (
    <>
      <PageTitle lead={`${c.number} · ${c.signatory.legalName}`}>{c.title}</PageTitle>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <StatusBadge status={c.status} />
        {c.actions.includes("editHeader") ? (
          <Link href={`/conventions/${id}/modifier`}>{t("edit")}</Link>
        ) : null}
      </div>

      <dl className="mb-8 grid max-w-3xl grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2">
        {row(t("signatory"), <Link href={`/organismes/${c.signatory.id}`}>{c.signatory.legalName}</Link>)}
        {row(t("commune"), c.commune.legalName)}
        {row(t("deliberationRef"), <code>{c.deliberationRef}</code>)}
        {row(t("period"), t("periodValue", { start: d(c.startDate), end: d(c.endDate) }))}
        {row(
          t("renewalRule"),
          c.renewalRule === "tacit"
            ? t("renewalTacitYears", { years: c.renewalYears ?? 0 })
            : t(`renewal.${c.renewalRule}`),
        )}
        {row(t("noticeMonths"), t("months", { n: c.noticeMonths }))}
        {c.noticeDeadline && c.status === "active" ? row(t("noticeDeadline"), d(c.noticeDeadline)) : null}
        {c.noticeGivenOn
          ? row(
              t("noticeGiven"),
              t("noticeGivenValue", {
                date: d(c.noticeGivenOn),
                effective: d(c.noticeEffectiveOn),
                by: c.noticeGivenBy ? t(c.noticeGivenBy === "partner" ? "byPartner" : "byProvider") : "",
              }),
            )
          : null}
        {c.terminatedOn ? row(t("terminatedOn"), d(c.terminatedOn)) : null}
        {row(
          t("currentVersion"),
          c.currentVersionNumber ? versionLabel({ number: c.currentVersionNumber }) : t("notInForce"),
        )}
      </dl>

      {c.actions.length > 0 ? (
        <section aria-labelledby="actions" className="mb-8 flex max-w-2xl flex-col gap-3">
          <h2 id="actions" className="text-xl font-semibold">
            {t("actions")}
          </h2>
          {c.actions.includes("activate") ? (
            <ButtonForm action={lifecycleAction.bind(null, id, "activate")} label={t("activate")} />
          ) : null}
          {c.actions.includes("amend") ? <AmendForm action={amendAction.bind(null, id)} /> : null}
          {c.actions.includes("renew") ? (
            <RenewForm action={lifecycleAction.bind(null, id, "renew")} />
          ) : null}
          {c.actions.includes("giveNotice") ? (
            <NoticeForm action={lifecycleAction.bind(null, id, "giveNotice")} today={today} />
          ) : null}
          {c.actions.includes("terminate") ? (
            <TerminateForm action={lifecycleAction.bind(null, id, "terminate")} today={today} />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="on-day" className="mb-8">
        <h2 id="on-day" className="mb-3 text-xl font-semibold">
          {t("termsOnDay")}
        </h2>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="date" className="text-sm font-medium">
              {t("day")}
            </label>
            <input
              id="date"
              name="date"
              type="date"
              defaultValue={date ?? today}
              className="rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("show")}
          </button>
        </form>
        {onDay ? (
          <div
            role="status"
            className="flex flex-col gap-4 rounded-lg border border-brand-200 bg-brand-50 p-4"
          >
            {onDay.version ? (
              <>
                <p>
                  {t("onDayVersion", {
                    date: d(onDay.date),
                    version: versionLabel(onDay.version),
                    from: d(onDay.version.effectiveFrom),
                  })}
                </p>
                {onDay.version.termSets.map((s) => (
                  <div key={s.id}>
                    <h3 className="mb-2 font-semibold">{s.service.name}</h3>
                    <TermsTable set={s} caption={t("termsCaption", { service: s.service.name })} />
                  </div>
                ))}
              </>
            ) : (
              <p>{t("onDayNone", { date: d(onDay.date) })}</p>
            )}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="versions" className="mb-8">
        <h2 id="versions" className="mb-3 text-xl font-semibold">
          {t("versions")}
        </h2>
        <ol className="flex flex-col gap-6 border-l-4 border-brand-200 pl-6">
          {c.versions.map((v) => (
            <li key={v.id} id={`v${v.id}`} className="flex flex-col gap-3">
              <h3 className="text-lg font-semibold">
                {versionLabel(v)} —{" "}
                {v.effectiveTo
                  ? t("fromTo", { from: d(v.effectiveFrom), to: d(v.effectiveTo) })
                  : t("fromOnly", { from: d(v.effectiveFrom) })}
                {/* A space before each badge: read aloud, « 2027 brouillon », not « 2027brouillon ». */}
                {v.current ? " " : null}
                {v.current ? (
                  <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">
                    {t("inForce")}
                  </span>
                ) : null}
                {!v.signed ? " " : null}
                {!v.signed ? (
                  <span className="ml-1 rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900">
                    {t("draftVersion")}
                  </span>
                ) : null}
              </h3>
              {v.deliberationRef ? (
                <p className="text-sm">
                  {t("deliberationRef")} : <code>{v.deliberationRef}</code>
                </p>
              ) : null}
              {v.summary ? <p>{v.summary}</p> : null}
              {v.termSets.length === 0 ? <p className="text-slate-700">{t("noServices")}</p> : null}
              {v.termSets.map((s) => (
                <div key={s.id} className="flex flex-col gap-2">
                  <h4 className="font-semibold">
                    {s.service.name} <code className="text-xs">{s.service.code}</code>
                  </h4>
                  <TermsTable set={s} caption={t("termsCaption", { service: s.service.name })} />
                  {v.editable ? (
                    <div className="flex flex-wrap items-center gap-4">
                      <Link href={`/conventions/${id}/conditions/${v.id}?service=${s.service.id}`}>
                        {t("editTerms", { service: s.service.name })}
                      </Link>
                      <ConfirmDialog
                        trigger={t("removeService", { service: s.service.name })}
                        triggerSize="sm"
                        title={t("removeServiceTitle", { service: s.service.name })}
                        consequence={t("removeServiceConsequence")}
                        confirmLabel={t("removeService", { service: s.service.name })}
                        cancelLabel={t("keep")}
                        action={removeServiceAction.bind(null, id, v.id, s.service.id)}
                      />
                    </div>
                  ) : null}
                </div>
              ))}
              {v.editable ? (
                <div className="flex flex-wrap items-center gap-4">
                  <Link href={`/conventions/${id}/conditions/${v.id}`}>{t("addService")}</Link>
                  {v.number > 1 ? (
                    <>
                      <ButtonForm
                        action={versionAction.bind(null, id, v.id, "sign")}
                        label={t("signAmendment")}
                      />
                      <ConfirmDialog
                        trigger={t("discardAmendment")}
                        title={t("discardTitle")}
                        consequence={t("discardConsequence")}
                        confirmLabel={t("discardAmendment")}
                        cancelLabel={t("keep")}
                        action={versionAction.bind(null, id, v.id, "discard")}
                      />
                    </>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="documents-title" id="documents" className="mb-8 flex flex-col gap-3">
        <h2 id="documents-title" className="text-xl font-semibold">
          {t("documents")}
        </h2>
        {c.documents.length === 0 ? (
          <p className="text-slate-700">{t("noDocuments")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {c.documents.map((doc) => (
              <li key={doc.id} className="flex flex-wrap items-center gap-4">
                <a href={`/api/conventions/documents/${doc.id}`}>{doc.label}</a>
                <span className="text-sm text-slate-700">
                  {doc.file.name} · {format.number(Math.max(1, Math.round(doc.file.size / 1024)))} Ko
                  {doc.version ? ` · ${versionLabel(doc.version)}` : ""}
                </span>
                {c.canManage ? (
                  <ConfirmDialog
                    trigger={t("removeDocument", { label: doc.label })}
                    triggerSize="sm"
                    title={t("removeDocumentTitle", { label: doc.label })}
                    consequence={t("removeDocumentConsequence")}
                    confirmLabel={t("removeConfirm")}
                    cancelLabel={t("keep")}
                    action={removeDocumentAction.bind(null, id, doc.id)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {c.canManage ? (
          <DocumentForm
            action={addDocumentAction.bind(null, id)}
            versions={c.versions.map((v) => ({ id: v.id, label: versionLabel(v) }))}
          />
        ) : null}
      </section>

      <TrainingDays conventionId={id} />

      <History rows={history} />
    </>
  );
}

import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { History } from "../../../../components/history.tsx";
import { PageTitle } from "../../../../components/page-title.tsx";
import { api } from "../../../../server/api.ts";
import { requireStaffOrNotFound } from "../../../../server/session.ts";
import { anonymiseAction, resendAction, resetSecondFactorAction } from "../actions.ts";
import { partnerBodyOptions, roleOptions } from "../options.ts";
import { PersonForm } from "../person-form.tsx";
import { ResetSecondFactorForm } from "../reset-mfa-form.tsx";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog.tsx";
import { uuidOrNotFound } from "../../../../lib/ids.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("people");
  const p = await (await api()).people.get({ userId: (await params).id }).catch(() => null);
  return { title: p?.name ?? t("title") };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaffOrNotFound();
  if (actor.role !== "admin") redirect("/");
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations();
  const format = await getFormatter();
  const caller = await api();
  const person = await caller.people.get({ userId: id }).catch(() => null);
  if (!person) notFound();
  const [history, bodies] = await Promise.all([
    caller.audit.history({ entityType: "User", entityId: id }),
    caller.bodies.list({ limit: 100 }),
  ]);
  return (
    <>
      <PageTitle lead={`${t(`roles.${person.role}`)} — ${person.email}`}>{person.name}</PageTitle>
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{t("fields.bodyIds")}</dt>
        <dd>{person.bodies.map((b) => b.legalName).join(", ") || "—"}</dd>
        <dt className="font-medium">{t("people.state")}</dt>
        <dd>
          {person.anonymisedAt
            ? t("people.anonymised")
            : !person.active
              ? t("people.inactive")
              : person.invitationPending
                ? t("people.pending")
                : t("people.activeState")}
        </dd>
        <dt className="font-medium">{t("people.lastLogin")}</dt>
        <dd>
          {person.lastLoginAt
            ? format.dateTime(person.lastLoginAt, { dateStyle: "medium", timeStyle: "short" })
            : "—"}
        </dd>
      </dl>
      {!person.anonymisedAt ? (
        <div className="mt-6 flex flex-wrap gap-3">
          {person.invitationPending ? (
            <form action={resendAction}>
              <input type="hidden" name="userId" value={person.id} />
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
              >
                {t("people.resend")}
              </button>
            </form>
          ) : null}
          {person.id !== actor.userId ? (
            <ConfirmDialog
              trigger={t("people.anonymise")}
              title={t("people.anonymiseTitle", { name: person.name })}
              consequence={t("people.anonymiseConsequence")}
              confirmLabel={t("people.anonymiseConfirm")}
              cancelLabel={t("people.keep")}
              action={anonymiseAction}
              fields={{ userId: person.id }}
            />
          ) : null}
        </div>
      ) : null}
      {!person.anonymisedAt ? (
        <section aria-labelledby="edit" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="edit" className="mb-4 text-lg font-semibold">
            {t("people.edit")}
          </h2>
          <PersonForm
            labels={{
              name: t("fields.name"),
              phone: t("fields.phone"),
              role: t("fields.role"),
              bodies: t("fields.bodyIds"),
              bodiesHint: t("people.bodiesHint"),
              active: t("people.active"),
              activeHint: t("people.activeHint"),
              submit: t("people.save"),
              success: t("people.saved"),
              deactivateTitle: t("people.deactivateTitle", { name: person.name }),
              deactivateConsequence: t("people.deactivateConsequence"),
              deactivateConfirm: t("people.deactivateConfirm"),
              keep: t("people.keep"),
            }}
            person={{
              id: person.id,
              name: person.name,
              phone: person.phone,
              role: person.role,
              active: person.active,
              bodyIds: person.bodies.map((b) => b.id),
            }}
            roles={roleOptions(t)}
            bodies={partnerBodyOptions(bodies.items)}
          />
        </section>
      ) : null}
      {!person.anonymisedAt ? (
        <section aria-labelledby="mfa" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="mfa" className="mb-2 text-lg font-semibold">
            {t("people.mfa")}
          </h2>
          <p className="mb-3">{person.totpEnabled ? t("people.mfaOn") : t("people.mfaOff")}</p>
          {person.totpEnabled && person.id !== actor.userId ? (
            <>
              <p className="mb-3 text-sm text-slate-700">{t("people.mfaResetLead")}</p>
              <ResetSecondFactorForm
                action={resetSecondFactorAction.bind(null, person.id)}
                labels={{
                  confirm: t("people.mfaResetConfirm", { name: person.name }),
                  submit: t("people.mfaReset"),
                  done: t("people.mfaResetDone"),
                }}
              />
            </>
          ) : null}
        </section>
      ) : null}
      <History rows={history} />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonForm } from "../../../components/button-form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { isUuid } from "../../../lib/ids.ts";
import { api } from "../../../server/api.ts";
import { now } from "../../../server/clock.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import {
  cancelRegistrationAction,
  cancelSessionAction,
  checkInAction,
  registerAction,
  surveyAction,
} from "../actions.ts";
import { CheckInForm, RegisterSomeoneForm, SurveyForm } from "./forms.tsx";
import { SessionHistory } from "./history.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("training");
  return { title: t("sessionTitle") };
}

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorOrRedirect();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const t = await getTranslations("training");
  const format = await getFormatter();
  const caller = await api();
  const s = await caller.training.session({ id }).catch(() => notFound());
  const q = await searchParams;
  const live = s.status === "open" || s.status === "full" || s.status === "planned";
  const [people, history] = await Promise.all([
    live ? caller.training.people({ id }).catch(() => []) : [],
    caller.training.history({ id }),
  ]);
  const mine = s.registrations.find((r) => r.mine && r.status !== "cancelled");
  const registered = new Set(s.registrations.filter((r) => r.status !== "cancelled").map((r) => r.user.id));
  const choices = people
    .filter((p) => !registered.has(p.userId))
    .map((p) => ({ value: p.userId, label: `${p.name} — ${p.bodyName}` }));
  const canSelf = actor.role === "agent" && live && !mine && people.some((p) => p.userId === actor.userId);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "full", timeZone: "Europe/Paris" });
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const started = now() >= new Date(s.startsAt);

  return (
    <>
      <PageTitle lead={`${s.course.service.name} · ${s.number}`}>{s.course.title}</PageTitle>
      {q.inscrit ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          {t("registeredNotice")}
        </p>
      ) : null}
      {q.present ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          {t("checkedIn")}
        </p>
      ) : null}
      {q.avis ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          {t("surveyThanks")}
        </p>
      ) : null}

      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-700">{t("course")}</dt>
        <dd>
          <Link className="underline" href={`/formations/cours/${s.course.id}`}>
            {t("courseLink")}
          </Link>
        </dd>
        <dt className="font-medium text-slate-700">{t("statusLabel")}</dt>
        <dd>{t(`status.${s.status}`)}</dd>
        <dt className="font-medium text-slate-700">{t("nature")}</dt>
        <dd>{s.dedicatedBody ? `${t("dedicated")} : ${s.dedicatedBody.legalName}` : t("open")}</dd>
        <dt className="font-medium text-slate-700">{t("place")}</dt>
        <dd>
          {[s.room, s.address].filter(Boolean).join(", ") || "—"}
          {s.remoteLink ? (
            <a className="block" href={s.remoteLink} rel="noopener noreferrer">
              {t("remoteLinkLabel")}
            </a>
          ) : null}
        </dd>
        <dt className="font-medium text-slate-700">{t("trainer")}</dt>
        <dd>{s.trainerName || "—"}</dd>
        <dt className="font-medium text-slate-700">{t("seats")}</dt>
        <dd>
          {t("seatsTaken", { confirmed: s.confirmedCount, capacity: s.capacity, waiting: s.waitlistedCount })}
        </dd>
        <dt className="font-medium text-slate-700">{t("deadline")}</dt>
        <dd>{when(s.registrationDeadline)}</dd>
        {s.course.objectives ? (
          <>
            <dt className="font-medium text-slate-700">{t("objectives")}</dt>
            <dd className="whitespace-pre-line">{s.course.objectives}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="slots" className="mb-6">
        <h2 id="slots" className="mb-2 text-lg font-semibold">
          {t("slots")}
        </h2>
        <ul className="flex flex-col gap-2">
          {s.slots.map((x) => (
            <li
              key={x.id}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white p-3"
            >
              <span className="font-medium">
                {day(x.startsAt)}, {x.local.start} – {x.local.end}
              </span>
              {s.canManage ? (
                <>
                  <span>{t("codeIs", { code: x.checkInCode ?? "" })}</span>
                  <Link href={`/formations/${s.id}/feuille/${x.id}`}>{t("openSheet")}</Link>
                  <a href={`/api/formations/emargement/${x.id}`}>{t("sheetPdf")}</a>
                  {x.signedAt ? (
                    <span className="text-sm text-green-800">
                      {t("sheetSigned", { name: x.signedByName ?? "" })}
                    </span>
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {s.canManage && live ? (
        <p className="mb-6 flex flex-wrap items-start gap-4">
          <Link href={`/formations/${s.id}/modifier`}>{t("editSession")}</Link>
          <ButtonForm action={cancelSessionAction.bind(null, s.id)} label={t("cancelSession")} />
        </p>
      ) : null}

      {canSelf ? (
        <section aria-labelledby="self" className="mb-6">
          <h2 id="self" className="mb-2 text-lg font-semibold">
            {t("registration")}
          </h2>
          <ButtonForm action={registerAction.bind(null, s.id)} label={t("registerMe")} />
        </section>
      ) : null}

      {mine?.status === "confirmed" && live ? (
        <section aria-labelledby="checkin" className="mb-6">
          <h2 id="checkin" className="mb-2 text-lg font-semibold">
            {t("checkInTitle")}
          </h2>
          <CheckInForm action={checkInAction.bind(null, s.id)} />
        </section>
      ) : null}

      {mine?.status === "confirmed" && started && mine.presentSlots > 0 && !mine.surveyAnswered ? (
        <section aria-labelledby="survey" className="mb-6">
          <h2 id="survey" className="mb-2 text-lg font-semibold">
            {t("surveyTitle")}
          </h2>
          <SurveyForm action={surveyAction.bind(null, s.id, mine.id)} />
        </section>
      ) : null}

      <section aria-labelledby="regs" className="mb-6">
        <h2 id="regs" className="mb-2 text-lg font-semibold">
          {s.canManage ? t("registrations") : t("registrationsOwn")}
        </h2>
        {s.registrations.length === 0 ? (
          <p className="text-slate-700">{t("noRegistrations")}</p>
        ) : (
          <Table
            caption={t("registrations")}
            headers={[t("person"), t("body"), t("statusLabel"), t("attendance"), t("actions")]}
          >
            {s.registrations.map((r) => (
              <tr key={r.id}>
                <Cell header>{r.user.name}</Cell>
                <Cell>{r.body.legalName}</Cell>
                <Cell>
                  {r.status === "waitlisted"
                    ? t("waitlistedAt", { n: r.position ?? 0 })
                    : t(`registrationStatus.${r.status}`)}
                  {r.late ? <span className="block text-xs text-red-800">{t("late")}</span> : null}
                </Cell>
                <Cell>
                  {r.status === "confirmed"
                    ? t("presentOf", { n: r.presentSlots, total: s.slots.length })
                    : "—"}
                </Cell>
                <Cell>
                  <div className="flex flex-wrap items-center gap-3">
                    {r.status !== "cancelled" && live ? (
                      <ButtonForm
                        action={cancelRegistrationAction.bind(null, s.id, r.id)}
                        label={t("cancelRegistration")}
                      />
                    ) : null}
                    {r.status === "confirmed" && r.presentSlots > 0 ? (
                      <a href={`/api/formations/certificat/${r.id}`}>{t("certificate")}</a>
                    ) : null}
                  </div>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        {!s.canManage ? <p className="mt-2 text-sm text-slate-700">{t("othersHidden")}</p> : null}
      </section>

      {live && choices.length > 0 ? (
        <section aria-labelledby="someone" className="mb-6">
          <h2 id="someone" className="mb-2 text-lg font-semibold">
            {s.canManage ? t("registerSomeone") : t("registerColleague")}
          </h2>
          <RegisterSomeoneForm action={registerAction.bind(null, s.id)} people={choices} />
        </section>
      ) : null}

      <SessionHistory events={history} partner={!s.canManage} />

      {s.survey ? (
        <section aria-labelledby="results" className="mb-6">
          <h2 id="results" className="mb-2 text-lg font-semibold">
            {t("surveyResults", { n: s.survey.answers })}
          </h2>
          <ul className="mb-2">
            {(["content", "trainer", "organisation", "usefulness"] as const).map((k) => (
              <li key={k}>
                {t(`questions.${k}`)} :{" "}
                {s.survey!.averages[k] === null
                  ? "—"
                  : `${String(s.survey!.averages[k]).replace(".", ",")} / 5`}
              </li>
            ))}
          </ul>
          {s.survey.comments.length ? (
            <ul className="list-disc pl-6 text-slate-700">
              {s.survey.comments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

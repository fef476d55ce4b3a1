import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Caller } from "../../../server/form-action.ts";
import { StatusLabel } from "../ticket-bits.tsx";

type Context = Awaited<ReturnType<Caller["tickets"]["context"]>>;

/** The body beside its ticket: other open tickets, contacts, the convention and terms in force. */
export async function ContextPanel({ ctx }: { ctx: Context }) {
  const t = await getTranslations("ticketPage");
  const tt = await getTranslations("tickets");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const hours = (minutes: number, basis: string) =>
    `${format.number(minutes / 60, { maximumFractionDigits: 2 })} h (${tt(`basis.${basis}`)})`;
  const terms = ctx.termsToday;
  const convention = ctx.conventions.find((c) => c.id === terms?.conventionId) ?? ctx.conventions[0];
  return (
    <section aria-labelledby="context-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="context-title" className="mb-2 text-lg font-semibold">
        {t("context")}
      </h2>
      <p className="font-medium">
        <Link href={`/organismes/${ctx.body.id}`}>{ctx.body.legalName}</Link>
        {ctx.body.city ? <span className="font-normal text-slate-700"> · {ctx.body.city}</span> : null}
      </p>

      <h3 className="mt-3 text-sm font-semibold">{t("otherOpen", { count: ctx.openCount })}</h3>
      {ctx.openTickets.length ? (
        <ul className="mt-1 flex flex-col gap-1 text-sm">
          {ctx.openTickets.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-x-2">
              <Link href={`/tickets/${o.id}`}>{o.number}</Link>
              <StatusLabel status={o.status} />
              <span className="w-full truncate text-slate-700">{o.subject}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <h3 className="mt-3 text-sm font-semibold">{t("contacts")}</h3>
      {ctx.contacts.length ? (
        <ul className="mt-1 flex flex-col gap-1 text-sm">
          {ctx.contacts.map((c) => (
            <li key={c.id}>
              {c.name} · <a href={`mailto:${c.email}`}>{c.email}</a>
              {c.phone ? <> · {c.phone}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("noContacts")}</p>
      )}
      {ctx.body.dpoName ? <p className="mt-1 text-sm">{t("dpo", { name: ctx.body.dpoName })}</p> : null}

      <h3 className="mt-3 text-sm font-semibold">{t("convention")}</h3>
      {convention ? (
        <p className="text-sm">
          <Link href={`/conventions/${convention.id}`}>{convention.number}</Link> — {convention.title} (
          {convention.deliberationRef}), {day(convention.startDate)} →{" "}
          {convention.endDate ? day(convention.endDate) : t("openEnded")}
        </p>
      ) : (
        <p className="text-sm text-slate-700">{t("noConvention")}</p>
      )}
      {terms ? (
        <p className="mt-1 text-sm text-slate-800">
          {terms.source === "convention" && terms.conventionNumber
            ? t("termsFrom", { number: terms.conventionNumber, version: terms.versionNumber ?? 1 })
            : t("termsDefault")}
          {" — "}
          {t("termsToday", {
            priority: tt(`priorities.${terms.priority}`).toLowerCase(),
            intervention: hours(terms.interventionMinutes, terms.interventionBasis),
            resolution: hours(terms.resolutionMinutes, terms.resolutionBasis),
          })}
        </p>
      ) : null}
    </section>
  );
}

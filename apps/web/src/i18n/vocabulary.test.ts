// One vocabulary: partners read « demande » (request), staff read « ticket ». Every string of the
// namespaces a partner's pages use is scanned; the staff-only strings among them are listed here,
// each for a reason, so that a new partner-facing « ticket » fails this test.
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

/** Namespaces rendered on pages a partner agent opens (home, « Mes demandes », the request form and
 * page, the account, sign-in, errors). */
const PARTNER_NAMESPACES = [
  "meta",
  "ui",
  "shell",
  "nav",
  "home",
  "status",
  "errors",
  "auth",
  "fields",
  "validation",
  "domain",
  "account",
  "tickets",
  "ticketPage",
  "errorPage",
  "notFound",
] as const;

/** Strings of those namespaces that only staff see (the page or branch that shows them says why). */
const STAFF_ONLY = new Set([
  "nav.queue", // the queue entry is in the staff navigation only
  "home.openTickets", // staff home counters
  "home.breaching",
  "fields.intoNumber", // merge and link: staff forms
  "fields.otherNumber",
  "fields.ticketIds", // bulk actions of the queue
  "validation.ticket_number", // merge and link numbers
  "domain.ticket_merged", // partners read domain.partner.ticket_merged
  "domain.ticket_closed", // partners read domain.partner.ticket_closed
  "domain.unknown_ticket", // partners read domain.partner.unknown_ticket
  "domain.same_ticket", // merge and link
  "domain.other_body",
  "domain.no_ticket", // incoming e-mail quarantine
  "account.category.new_tickets", // categories hidden from agents (compte/prefs-form.tsx)
  "account.category.assignments",
  "account.category.daily_digest",
  "tickets.queue",
  "tickets.caption", // partners: tickets.captionPartner
  "tickets.view.all",
  "tickets.view.mine",
  "tickets.shortcutsHint",
  "tickets.searchLabel", // partners: tickets.searchMineLabel
  "tickets.empty", // partners: tickets.emptyMine and the tabs' own empty texts
  "tickets.bulk",
  "tickets.bulkDone",
  "tickets.merge",
  "tickets.mergeInto",
  "tickets.link",
  "tickets.linkTo",
  "tickets.related", // partners: tickets.relatedPartner
  "tickets.mergedInto", // partners: tickets.mergedIntoPartner
  "ticketPage.presenceViewing", // presence is shown to staff only
  "ticketPage.presenceLabel",
  "ticketPage.otherOpen", // the context panel is staff only
]);

function strings(obj: object, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    typeof v === "object" && v ? strings(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  );
}

describe("partner vocabulary", () => {
  for (const [locale, messages] of [
    ["fr", fr],
    ["en", en],
  ] as const)
    it(`partners never read « ticket » (${locale})`, () => {
      const partnerFacing = PARTNER_NAMESPACES.flatMap((ns) =>
        strings((messages as Record<string, object>)[ns] ?? {}, `${ns}.`),
      ).filter(([key]) => !STAFF_ONLY.has(key));
      expect(partnerFacing.length).toBeGreaterThan(200);
      expect(partnerFacing.filter(([, text]) => /ticket/i.test(text))).toEqual([]);
    });

  it("lists only staff-only keys that exist", () => {
    const all = new Set(strings(fr).map(([key]) => key));
    expect([...STAFF_ONLY].filter((key) => !all.has(key))).toEqual([]);
  });

  it("staff keep their own word where partners have theirs", () => {
    expect(fr.tickets.caption).toBe("Tickets");
    expect(fr.tickets.captionPartner).toBe("Demandes");
    expect(fr.domain.partner.ticket_closed).toMatch(/demande/);
  });
});

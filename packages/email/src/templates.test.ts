// Every template, in both languages, as plain text and HTML: snapshots catch unintended changes;
// the assertions check what matters (number in the subject, links, language, no raw markup).
import { describe, expect, it } from "vitest";
import { renderHtml } from "./html.ts";
import { MAIL_TEMPLATES, renderMail } from "./index.ts";

const data = {
  number: "SOS-2026-000123",
  subject: "Imprimante <accueil> hors ligne",
  link: "https://mutuo.example/tickets/42",
  name: "Sophie Garnier",
  dueAt: "2026-11-24T13:30:00.000Z",
  status: "resolved",
  body: "Nous intervenons cet après-midi.",
  target: "intervention",
  body_name: "Commune de Saint-Aubin-des-Vignes",
  title: "Adhésion aux services mutualisés",
  kind: "end",
  date: "2027-03-31",
  days: 30,
  bodies: ["Commune de Saint-Aubin-des-Vignes", "CCAS de Saint-Aubin-des-Vignes"],
  service_name: "SIG-M@",
  priority: "critical",
  items: [{ number: "SOS-2026-000123", subject: "Imprimante", dueAt: "2026-11-24T13:30:00.000Z" }],
  inviter: "Hélène Marchal",
  expiresInDays: 7,
  expiresInMinutes: 60,
  code: "482913",
  minutes: 10,
  period: "novembre 2026",
  summary: "Interventions dans les délais : 94 %",
  format: "XLSX",
  expires: "9 décembre 2026",
};

describe("e-mail templates", () => {
  for (const template of MAIL_TEMPLATES) {
    for (const locale of ["fr", "en"] as const) {
      it(`${template} (${locale}) as text`, () => {
        const mail = renderMail(template, locale, data);
        expect(mail.text).toContain(
          template === "ticket.digest" ? "SOS-2026-000123" : "https://mutuo.example",
        );
        // Every field a template reads is in the sample: nothing renders as « undefined ».
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/undefined|NaN|Invalid Date/);
        expect(mail).toMatchSnapshot();
      });
    }
  }

  for (const status of ["waiting_partner", "in_progress", "closed"])
    for (const locale of ["fr", "en"] as const)
      it(`a partner's e-mail says the status first: ${status} (${locale})`, () => {
        const reply = renderMail("ticket.reply", locale, { ...data, status });
        const change = renderMail("ticket.status", locale, { ...data, status });
        expect(reply.subject).toBe(change.subject);
        expect(reply.subject).not.toMatch(/Nouvelle réponse|New reply/);
        expect(reply.text).toContain(data.body);
        expect([reply, change]).toMatchSnapshot();
      });

  it("says what a partner can do once the request is resolved, with no rating chosen for them", () => {
    const fr = renderMail("ticket.status", "fr", data);
    expect(fr.subject).toBe(
      "[SOS-2026-000123] Votre demande est résolue — répondez pour la rouvrir, notez le traitement",
    );
    expect(fr.text).toContain("https://mutuo.example/tickets/42#noter");
    expect(fr.text).not.toMatch(/score=|note=/);
    expect(renderMail("ticket.status", "fr", { ...data, status: "waiting_partner" }).subject).toBe(
      "[SOS-2026-000123] Nous attendons votre réponse — le délai est suspendu",
    );
  });

  // Partners read « demande » (request); « ticket » is the staff's word.
  const partnerTemplates = [
    "identity.invitation",
    "identity.reset",
    "ticket.received",
    "ticket.reply",
    "ticket.status",
    "ticket.waiting",
    "ticket.waiting-reminder",
    "ticket.waiting-closed",
    "incoming.which-body",
  ] as const;
  for (const locale of ["fr", "en"] as const)
    it(`e-mails to partners never say « ticket » (${locale})`, () => {
      const said = partnerTemplates.flatMap((template) =>
        ["new", "assigned", "in_progress", "waiting_partner", "resolved", "closed", "cancelled"].map(
          (status) => {
            const mail = renderMail(template, locale, { ...data, status });
            // Links are addresses, not words (/tickets/42).
            const words = `${mail.subject}\n${mail.text}`.replace(/https?:\/\/\S+/g, "");
            return { template, status, ticket: /ticket/i.test(words) };
          },
        ),
      );
      expect(said.filter((s) => s.ticket)).toEqual([]);
    });

  it("renders accessible, escaped HTML with the provider's name or logo", async () => {
    const mail = renderMail("ticket.received", "fr", data);
    const html = await renderHtml(mail, { locale: "fr", providerName: "Métropole du Val d'Orlène" });
    expect(html).toContain('lang="fr"');
    expect(html).toContain(`<title>${mail.subject.replace(/</g, "&lt;").replace(/>/g, "&gt;")}</title>`);
    expect(html).toContain("Imprimante &lt;accueil&gt; hors ligne");
    expect(html).not.toContain("<accueil>");
    expect(html).toContain('<a href="https://mutuo.example/tickets/42"');
    expect(html).toContain("Métropole du Val d'Orlène");
    const withLogo = await renderHtml(mail, {
      locale: "en",
      providerName: "Val d'Orlène",
      logoUrl: "https://cdn.example/logo.png",
    });
    expect(withLogo).toMatch(
      /<img[^>]+alt="Val d'Orl[^"]*"[^>]+src="https:\/\/cdn.example\/logo.png"|<img[^>]+src="https:\/\/cdn.example\/logo.png"[^>]+alt="Val d/,
    );
    expect(html).toMatchSnapshot();
  });
});

// Training journeys: a manager opens a 2-day session of 8 seats across the spring DST change; agents
// from three bodies register (one by themself), the 9th waits; invitations read back with an
// iCalendar parser; a cancellation promotes the waiting person; a time change sends an update with a
// higher SEQUENCE; the trainer takes attendance on a phone; sheet and certificate PDFs; the survey
// once; another body's agent sees the session without names; bad input answered in French.
import { execFileSync } from "node:child_process";
import nodeIcal, { type VEvent } from "node-ical";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { mailFromOutbox, setClock, signIn, signOut } from "./helpers.ts";

const BELLERIVE = "Commune de Bellerive-sur-Orlène";
const VILLENEUVE = "Commune de Villeneuve-d'Orlène";
const SAINT_AUBIN = "Commune de Saint-Aubin-des-Vignes";

// Friday before and Monday after the change to summer time (28 March 2027).
const DAYS = ["2027-03-26", "2027-03-29"];

const pdfText = (bytes: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: bytes }).toString("utf8");

async function fillSession(page: Page, opts: { capacity: string; slots: string[][]; room?: string }) {
  await page.getByLabel("Cours").selectOption({ label: "Initiation SIG-M@ — SIG-M@" });
  for (const [i, [date, start, end]] of opts.slots.entries()) {
    await page.getByLabel(`Date du créneau ${i + 1}`).fill(date!);
    await page.getByLabel(`Début du créneau ${i + 1}`).fill(start!);
    await page.getByLabel(`Fin du créneau ${i + 1}`).fill(end!);
  }
  await page.getByLabel("Salle").fill(opts.room ?? "Salle e2e");
  await page.getByLabel("Formateur", { exact: true }).selectOption({ label: "Nadia Belkacem" });
  await page.getByLabel(/^Capacité/).fill(opts.capacity);
}

const fourHalfDays = DAYS.flatMap((d) => [
  [d, "09:00", "12:30"],
  [d, "13:30", "17:00"],
]);

/** Registers, through the staff form, the first person listed from `body`; returns their name. */
async function registerFrom(page: Page, body: string): Promise<string> {
  const select = page.getByLabel(/^Personne/);
  const option = select.locator("option", { hasText: body }).first();
  const label = (await option.textContent())!;
  const value = (await option.getAttribute("value"))!;
  await select.selectOption({ label });
  await page.getByRole("button", { name: "Inscrire une personne" }).click();
  await expect(page.getByText("Inscription enregistrée")).toBeVisible();
  // Registered: the page has been refreshed and no longer offers them (the status alone may be the
  // previous registration's).
  await expect(select.locator(`option[value="${value}"]`)).toHaveCount(0);
  return label.split(" — ")[0]!;
}

function calendarOf(mail: { attachments: { contentType: string; content: Buffer }[] }) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(part, "a text/calendar part").toBeTruthy();
  const text = part!.content.toString("utf8");
  const events = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === "VEVENT") as VEvent[];
  return { text, events };
}

test.describe.configure({ mode: "serial" });
test("a manager opens a session, 9 agents from 3 bodies register, the 9th waits, invitations read back", async ({
  page,
  visit,
}) => {
  test.setTimeout(240_000);
  setClock(null);
  await signIn(page, "manager@val-orlene.example");
  await visit("/formations");
  await page.getByRole("link", { name: "Nouvelle session" }).click();
  await expectAccessible(page);

  // Bad input first: the French message names the field and nothing typed is lost.
  await fillSession(page, {
    capacity: "8",
    slots: [
      [DAYS[0]!, "09:00", "12:30"],
      [DAYS[0]!, "14:00", "13:00"],
    ],
  });
  await page.getByRole("button", { name: "Ouvrir la session" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Heure de fin");
  await expect(page.getByLabel("Salle")).toHaveValue("Salle e2e");
  await expect(page.getByLabel("Fin du créneau 2")).toHaveValue("13:00");
  await page.getByLabel("Fin du créneau 2").fill("17:00");
  await page.getByLabel(/^Capacité/).fill("0");
  await page.getByRole("button", { name: "Ouvrir la session" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Capacité");
  await expect(page.getByLabel(/^Capacité/)).toHaveValue("0");
  await page.getByLabel(/^Capacité/).fill("8");
  await page.getByLabel("Session dédiée à").selectOption({ label: "Commune de Montclair" });
  await page.getByRole("button", { name: "Ouvrir la session" }).click();
  await expect(page.locator("form [role=alert]")).toContainText(
    "Organisme : sa convention n'inclut pas ce service",
  );
  await page
    .getByLabel("Session dédiée à")
    .selectOption({ label: "Ouverte à tous les organismes adhérents" });
  await page.getByLabel("Date limite d'inscription").fill("2027-04-02");
  await page.getByRole("button", { name: "Ouvrir la session" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Date limite d'inscription");
  await page.getByLabel("Date limite d'inscription").fill("");

  // The real session: 2 days, 4 half-days, 8 seats.
  await fillSession(page, { capacity: "8", slots: fourHalfDays });
  await page.getByRole("button", { name: "Ouvrir la session" }).click();
  await page.waitForURL(/\/formations\/[0-9a-f-]{36}$/);
  const sessionUrl = new URL(page.url()).pathname;
  const number = (await page
    .getByText(/FORM-\d{4}-\d{4}/)
    .first()
    .textContent())!.match(/FORM-\d{4}-\d{4}/)![0];
  await expectAccessible(page);
  await signOut(page);

  // An agent registers themself.
  await signIn(page, "agent@bellerive.example");
  await visit(sessionUrl);
  await page.getByRole("button", { name: "M'inscrire" }).click();
  await expect(page.getByText("Inscription enregistrée")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Inscrit", exact: true })).toBeVisible();
  await signOut(page);

  // Staff register the others: Villeneuve's demo agent, then people of the three bodies.
  await signIn(page, "manager@val-orlene.example");
  await visit(sessionUrl);
  const select = page.getByLabel(/^Personne/);
  await select.selectOption({ label: `Aïcha Benali — ${VILLENEUVE}` });
  await page.getByRole("button", { name: "Inscrire une personne" }).click();
  await expect(page.getByText("Inscription enregistrée")).toBeVisible();
  await expect(select.locator("option", { hasText: "Aïcha Benali" })).toHaveCount(0);
  const names: string[] = [];
  for (const body of [VILLENEUVE, SAINT_AUBIN, BELLERIVE, VILLENEUVE, SAINT_AUBIN, BELLERIVE])
    names.push(await registerFrom(page, body));
  await expect(page.getByText("8 / 8 inscrits")).toBeVisible();
  const ninth = await registerFrom(page, SAINT_AUBIN);
  await expect(page.getByRole("row", { name: new RegExp(ninth) })).toContainText("Liste d'attente (1)");

  // Each confirmed agent's e-mail carries the invitation: read back, right across the DST change.
  const invitation = await mailFromOutbox(
    (m) =>
      m.subject?.includes(number) === true &&
      m.subject.startsWith("Inscription confirmée") &&
      m.text?.includes("Marc Delorme") === true,
  );
  const { text, events } = calendarOf(invitation);
  expect(text).toContain("METHOD:REQUEST");
  expect(events.map((e) => new Date(e.start).toISOString())).toEqual([
    "2027-03-26T08:00:00.000Z",
    "2027-03-26T12:30:00.000Z",
    "2027-03-29T07:00:00.000Z",
    "2027-03-29T11:30:00.000Z",
  ]);
  expect(invitation.text).toContain("vendredi 26 mars 2027, 09:00 – 12:30");
  await signOut(page);

  // An agent of another body sees the session, the counts, not who registered from elsewhere.
  await signIn(page, "agent@saint-aubin.example");
  await visit(sessionUrl);
  await expect(page.getByText("Initiation SIG-M@").first()).toBeVisible();
  await expect(page.getByText("Marc Delorme")).toHaveCount(0);
  await expect(page.getByText("Aïcha Benali")).toHaveCount(0);
  await expect(page.getByText(BELLERIVE)).toHaveCount(0);
  await signOut(page);

  // Marc cancels: the first waiting person takes the seat and is invited.
  await signIn(page, "agent@bellerive.example");
  await visit(sessionUrl);
  await page
    .getByRole("row", { name: /Marc Delorme/ })
    .getByRole("button", { name: "Annuler l'inscription" })
    .click();
  await expect(page.getByRole("row", { name: /Marc Delorme/ })).toContainText("Annulé");
  await signOut(page);
  const promoted = await mailFromOutbox(
    (m) => m.subject?.startsWith("Une place s'est libérée") === true && m.subject.includes(number),
  );
  expect(promoted.text).toContain(ninth);
  expect(calendarOf(promoted).text).toContain("METHOD:REQUEST");
  const cancel = await mailFromOutbox(
    (m) => m.subject?.startsWith("Annulation") === true && m.subject.includes(number),
  );
  expect(calendarOf(cancel).text).toContain("METHOD:CANCEL");

  // The time changes: everyone gets an update with a higher SEQUENCE.
  await signIn(page, "manager@val-orlene.example");
  await visit(`${sessionUrl}/modifier`);
  await page.getByLabel("Début du créneau 1").fill("09:30");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.waitForURL(new RegExp(`${sessionUrl}$`));
  const update = await mailFromOutbox(
    (m) =>
      m.subject?.startsWith("Modification") === true &&
      m.subject.includes(number) &&
      m.text?.includes("Aïcha Benali") === true,
  );
  const updated = calendarOf(update);
  expect(updated.text).toContain("SEQUENCE:1");
  expect(new Date(updated.events[0]!.start).toISOString()).toBe("2027-03-26T08:30:00.000Z");
  expect(await page.getByRole("row", { name: new RegExp(ninth) }).textContent()).toContain("Inscrit");
});

test("the trainer takes attendance on a phone; sheet and certificate PDFs; the survey is answered once", async ({
  page,
  visit,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "tech@val-orlene.example");
  await visit("/formations");
  const row = page
    .getByRole("row", { name: /Initiation SIG-M@/ })
    .filter({ hasText: "26 mars 2027" })
    .last();
  await row.getByRole("link").first().click();
  await page.waitForURL(/\/formations\/[0-9a-f-]{36}$/);
  const sessionUrl = new URL(page.url()).pathname;
  const sheets = await page
    .getByRole("link", { name: "Feuille d'émargement" })
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  expect(sheets).toHaveLength(4);
  // Aïcha: present on half-days 1, 2 and 4, absent on the 3rd.
  for (const [i, mark] of (["Présent", "Présent", "Absent", "Présent"] as const).entries()) {
    await visit(sheets[i]!);
    const button = page.getByRole("button", { name: `${mark} : Aïcha Benali` });
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "Confirmer la feuille" }).click();
    await expect(page.getByText("Feuille confirmée par Nadia Belkacem")).toBeVisible();
  }
  const slotId = sheets[0]!.split("/").at(-1)!;
  const sheet = await page.request.get(`/api/formations/emargement/${slotId}`);
  expect(sheet.status()).toBe(200);
  const sheetText = pdfText(await sheet.body());
  expect(sheetText).toContain("Feuille d'émargement");
  expect(sheetText).toContain("Aïcha Benali");
  expect(sheetText).toContain("Nadia Belkacem");
  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);

  // Aïcha downloads her certificate: 3 of 4 half-days, 10 h (the first starts at 09:30 now).
  setClock(new Date("2027-03-30T09:00:00Z"));
  try {
    await signIn(page, "agent@villeneuve.example");
    await visit(sessionUrl);
    const href = await page.getByRole("link", { name: "Certificat de réalisation" }).getAttribute("href");
    const cert = pdfText(await (await page.request.get(href!)).body());
    expect(cert).toContain("Certificat de réalisation");
    expect(cert).toContain("Aïcha Benali");
    expect(cert).toMatch(/10 h \(3 demi-journée\(s\) sur 4\)/);
    // The survey, once.
    for (const q of ["Contenu de la formation", "Formateur", "Organisation", "Utilité pour votre travail"])
      await page.getByLabel(new RegExp(`^${q}`)).selectOption({ index: 0 });
    await page.getByLabel("Commentaire").fill("Très clair");
    await page.getByRole("button", { name: "Envoyer mon avis" }).click();
    await expect(page.getByText("Merci pour votre avis.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Envoyer mon avis" })).toHaveCount(0);
    await signOut(page);
    // Another body's agent cannot fetch it.
    await signIn(page, "agent@bellerive.example");
    expect((await page.request.get(href!)).status()).toBe(404);
  } finally {
    setClock(null);
  }
});

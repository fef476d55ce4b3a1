// With no SMTP server (the demo), every e-mail lands in the built-in mailbox that admins read.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { runJobs, setClock, signIn, signInAsAdmin, signOut } from "./helpers.ts";

const admin: { secret?: string } = {};

test("reporting a ticket puts its acknowledgement, with number and promised deadline, in the built-in mailbox", async ({
  page,
}) => {
  await signIn(page, "agent@villeneuve.example");
  await page.goto("/demandes/nouvelle");
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Site internet hors ligne");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Le site de la commune affiche une erreur 502 depuis midi.");
  await expect(page.getByRole("textbox", { name: "Adresse e-mail", exact: true })).toHaveValue(
    "agent@villeneuve.example",
  );
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Site internet hors ligne" })).toBeVisible();
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  await signInAsAdmin(page, admin);
  await page.getByRole("link", { name: "Courriels envoyés" }).click();
  await expectAccessible(page);
  const link = page.getByRole("link", { name: new RegExp(`\\[${number}\\] Demande reçue`) });
  // The worker delivers within seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(number) })).toContainText("Envoyé", {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `[${number}] Demande reçue : Site internet hors ligne`,
  );
  await expect(page.getByText("agent@villeneuve.example")).toBeVisible();
  await expect(page.getByText(/Intervention prévue avant .* \(heure de Paris\)/)).toBeVisible();
  await expect(page.getByText(/\/tickets\/[0-9a-f-]{36}/)).toBeVisible();
  await expectAccessible(page);
  // The e-mail's HTML keeps its own sandbox policy, stricter than the app's.
  const htmlVersion = await page.getByRole("link", { name: "Version HTML" }).getAttribute("href");
  const sandboxed = (await page.request.get(htmlVersion!)).headers();
  expect(sandboxed["content-security-policy"]).toMatch(
    /^sandbox; default-src 'none'; .*frame-ancestors 'none'/,
  );
  expect(sandboxed["x-frame-options"]).toBe("DENY");
  await page.getByRole("link", { name: "Version HTML" }).click();
  await expect(
    page
      .getByText(`Votre demande « Site internet hors ligne » est enregistrée sous le numéro ${number}.`)
      .last(),
  ).toBeVisible();
  // The e-mail is served under a script-free sandbox (axe cannot run there; its markup is checked
  // by the template tests), so the journey ends back on the mailbox.
  await page.goBack();
  await expect(page.getByRole("link", { name: "Version HTML" })).toBeVisible();
});

test("a technician chooses which e-mails they get and in which language", async ({ page }) => {
  await signIn(page, "tech2@val-orlene.example");
  await page.goto("/compte");
  const digest = page.getByRole("checkbox", { name: "Un récapitulatif quotidien de mes tickets ouverts" });
  await expect(digest).not.toBeChecked();
  await digest.check();
  await page.getByRole("checkbox", { name: "Les alertes de délai (bientôt en retard, dépassé)" }).uncheck();
  await page.getByRole("combobox", { name: "Langue des courriels" }).selectOption({ label: "English" });
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByText("Préférences enregistrées.")).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("checkbox", { name: "Un récapitulatif quotidien de mes tickets ouverts" }),
  ).toBeChecked();
  await expect(
    page.getByRole("checkbox", { name: "Les alertes de délai (bientôt en retard, dépassé)" }),
  ).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Langue des courriels" })).toHaveValue("en");
  await expectAccessible(page);
});

test("letting the clock pass the warning threshold produces exactly one warning", async ({ page }) => {
  test.setTimeout(150_000);
  // The CCAS de Villeneuve convention: medium priority, first intervention within 24 clock hours,
  // warning at 75 % (18 h). Web and worker read the same frozen clock.
  const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  setClock(t0);
  try {
    await signIn(page, "agent@ccas-villeneuve.example");
    await page.goto("/demandes/nouvelle");
    await page
      .getByRole("combobox", { name: "Service concerné" })
      .selectOption({ label: "E-administration" });
    await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Parapheur inaccessible");
    await page
      .getByRole("textbox", { name: "Description", exact: true })
      .fill("Le parapheur électronique affiche une page blanche.");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Parapheur inaccessible" })).toBeVisible();
    const number = (await page
      .getByText(/SOS-\d{4}-\d{6}/)
      .first()
      .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
    await signOut(page);

    setClock(new Date(t0.getTime() + 19 * 3600_000)); // past 18 h, before 24 h
    await signInAsAdmin(page, admin);
    await page.getByRole("link", { name: "Courriels envoyés" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Courriels envoyés" })).toBeVisible();
    const warnings = page.getByRole("link", { name: new RegExp(`\\[${number}\\] Bientôt en retard`) });
    // The worker's SLA job (every minute), run now.
    await runJobs("tickets.refresh-sla");
    await expect(async () => {
      await page.reload();
      await expect(warnings).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000, intervals: [1000] });
    await expect(page.getByRole("link", { name: new RegExp(`\\[${number}\\] Délai dépassé`) })).toHaveCount(
      0,
    );

    // More time passes (still before the deadline): the job runs again, and no second warning leaves.
    setClock(new Date(t0.getTime() + 20 * 3600_000));
    await runJobs("tickets.refresh-sla");
    await page.reload();
    await expect(warnings).toHaveCount(1);
    await warnings.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      `[${number}] Bientôt en retard (première intervention)`,
    );
    await expect(page.getByText("manager@val-orlene.example")).toBeVisible(); // unassigned: the managers are warned
  } finally {
    setClock(null);
  }
});

test("a new critical ticket alerts the team", async ({ page }) => {
  test.setTimeout(150_000); // three people sign in one after the other
  // A manager names who is on duty for SIG-M@: a team address and a technician.
  await signIn(page, "manager@val-orlene.example");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "SIG-M@", exact: true }).click();
  await page.getByRole("link", { name: "Modifier le service et ses conditions par défaut" }).click();
  await page.getByRole("textbox", { name: "Adresse de l'équipe" }).fill("astreinte-sig@val-orlene.example");
  await page
    .getByRole("listbox", { name: "Techniciens d'astreinte" })
    .selectOption({ label: "Julien Perrot" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SIG-M@" })).toBeVisible();
  await signOut(page);

  // A partner reports an outage: high impact, high urgency, so critical.
  await signIn(page, "agent@bellerive.example");
  await page.goto("/demandes/nouvelle");
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "SIG-M@" });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("SIG-M@ inaccessible pour tous");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Plus aucun agent de la mairie ne peut ouvrir SIG-M@ depuis 9 h.");
  await page.getByRole("combobox", { name: "Impact" }).selectOption({ label: "Élevé" });
  await page.getByRole("combobox", { name: "Urgence" }).selectOption({ label: "Élevée" });
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SIG-M@ inaccessible pour tous" })).toBeVisible();
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  // The team address and the technician on duty are alerted, in the built-in mailbox.
  await signInAsAdmin(page, admin);
  await page.goto("/admin/courriels");
  // Each in their own language (Julien Perrot chose English above).
  const alerts = page.getByRole("row", {
    name: new RegExp(`\\[${number}\\] (Nouveau ticket CRITIQUE|CRITICAL new ticket)`),
  });
  await expect(async () => {
    await page.reload();
    await expect(alerts).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(alerts.filter({ hasText: "astreinte-sig@val-orlene.example" })).toHaveCount(1);
  await expect(alerts.filter({ hasText: "tech2@val-orlene.example" })).toHaveCount(1);
  await alerts.filter({ hasText: "astreinte-sig@val-orlene.example" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `[${number}] Nouveau ticket CRITIQUE : SIG-M@ inaccessible pour tous`,
  );
  await expect(page.getByText(/a ouvert un ticket sur SIG-M@ \(priorité : critique\)/)).toBeVisible();
  await expectAccessible(page);
});

test("an admin tests the mail configuration: a test e-mail leaves and the support mailbox is read once", async ({
  page,
}) => {
  await signInAsAdmin(page, admin);
  await page.goto("/admin/courriels");
  await page.getByRole("button", { name: "Tester la configuration" }).click();
  const result = page.getByRole("status").filter({ hasText: "Dernier essai demandé" });
  // The worker runs the job and the page refreshes itself until the outcome is there.
  await expect(result).toContainText(
    "Aucun SMTP_URL : le courriel d'essai a été écrit dans le dossier outbox du serveur",
    { timeout: 30_000 },
  );
  await expect(result).toContainText(/Boîte du support lue|Aucun IMAP_URL/);
  await expectAccessible(page);
});

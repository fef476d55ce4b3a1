// E-mail in: a partner replies to the acknowledgement from their mail client and the reply lands in
// the ticket; a stranger's e-mail waits in the quarantine until a technician opens a ticket from it.
// The support mailbox is a real IMAP server (Debian's dovecot) that the worker polls.
import { DOVECOT_MISSING, dovecotBinary } from "../packages/db/src/testing/dovecot.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { deliverToSupport, mailFromOutbox, signIn, signOut } from "./helpers.ts";

test.skip(!dovecotBinary(), DOVECOT_MISSING);

const PDF_BASE64 = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").toString("base64");

test("replying to the acknowledgement by e-mail adds the reply to the ticket, without the quoted history", async ({
  page,
}) => {
  await signIn(page, "agent@ccas-villeneuve.example");
  await page.goto("/demandes/nouvelle");
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Poste de l'accueil bloqué");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Le poste de l'accueil reste sur l'écran de démarrage.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Poste de l'accueil bloqué" })).toBeVisible();
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  const ticketUrl = page.url();

  // The acknowledgement, as it reached the partner's mail client…
  const ack = await mailFromOutbox((m) => (m.subject ?? "").startsWith(`[${number}] Demande reçue`));
  // …and the partner's answer, quoting it as mail clients do.
  await deliverToSupport(
    [
      "From: Thomas Roux <agent@ccas-villeneuve.example>",
      `To: ${ack.from!.value[0]!.address}`,
      `Subject: RE: ${ack.subject}`,
      `Message-ID: <e2e-reply-${Date.now()}@ccas-villeneuve.example>`,
      `In-Reply-To: ${ack.messageId}`,
      `References: ${ack.messageId}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      "Bonjour, le poste a redémarré après la coupure de courant, merci.",
      "",
      `Le 23 nov. 2026 à 10:02, Mutuo a écrit :`,
      `> Votre demande « Poste de l'accueil bloqué » est enregistrée sous le numéro ${number}.`,
    ].join("\n"),
  );

  // The worker polls the mailbox every 2 s in the tests.
  await expect(async () => {
    await page.goto(ticketUrl);
    await expect(
      page.getByText("Bonjour, le poste a redémarré après la coupure de courant, merci."),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const reply = page.getByRole("listitem").filter({ hasText: "Bonjour, le poste a redémarré" });
  await expect(reply).toContainText("Thomas Roux — par courriel");
  await expect(page.getByText("est enregistrée sous le numéro")).toHaveCount(0);
  await expectAccessible(page);
});

test("a stranger's e-mail waits in the quarantine; a technician opens a ticket from it, attachment included", async ({
  page,
}) => {
  const boundary = "e2e-boundary";
  await deliverToSupport(
    [
      "From: Claire Martin <claire.martin@asso-example.org>",
      "To: support@val-orlene.example",
      "Subject: Accès impossible au profil acheteur",
      `Message-ID: <e2e-stranger-${Date.now()}@asso-example.org>`,
      "MIME-Version: 1.0",
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/html; charset=utf-8",
      "",
      `<p>Bonjour,</p><p>Depuis ce matin, la plateforme des marchés refuse notre mot de passe.</p><script>alert("x")</script>`,
      `--${boundary}`,
      'Content-Type: application/pdf; name="capture.pdf"',
      'Content-Disposition: attachment; filename="capture.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      PDF_BASE64,
      `--${boundary}--`,
    ].join("\n"),
  );

  await signIn(page, "tech@val-orlene.example");
  await page.getByRole("link", { name: "Courriels reçus" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courriels reçus" })).toBeVisible();
  const link = page.getByRole("link", { name: "Accès impossible au profil acheteur" });
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("row", { name: /Accès impossible au profil acheteur/ })).toContainText(
    "En quarantaine — Expéditeur inconnu",
  );
  // The navigation tells staff that e-mails wait in the quarantine.
  await expect(
    page.getByRole("link", { name: /^Courriels reçus \d+ courriels? en quarantaine$/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await link.click();
  await expect(
    page.getByText("Depuis ce matin, la plateforme des marchés refuse notre mot de passe."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "capture.pdf" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("combobox", { name: "Organisme" })
    .selectOption({ label: "Commune de Bellerive-sur-Orlène" });
  await page
    .getByRole("combobox", { name: "Service concerné" })
    .selectOption({ label: "Plateforme des marchés publics" });
  await expect(page.getByRole("textbox", { name: "Nom du déclarant" })).toHaveValue("Claire Martin");
  await page.getByRole("button", { name: "Créer le ticket" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Accès impossible au profil acheteur" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "capture.pdf" })).toBeVisible();
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  // The sender gets the acknowledgement like any declarant.
  await mailFromOutbox(
    (m) =>
      (m.subject ?? "").startsWith(`[${number}] Demande reçue`) &&
      m.to !== undefined &&
      JSON.stringify(m.to).includes("claire.martin@asso-example.org"),
  );
});

test("an agent of several bodies who names one in the e-mail gets a ticket in that body", async ({
  page,
}) => {
  const subject = `Pelehas : export des attributions impossible ${Date.now()}`;
  await deliverToSupport(
    [
      "From: Agent de Saint-Aubin <agent@saint-aubin.example>",
      "To: support@val-orlene.example",
      `Subject: ${subject}`,
      `Message-ID: <e2e-several-${Date.now()}@saint-aubin.example>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      "Bonjour, à la mairie, l'export des attributions de Pelehas mode web s'arrête à 50 %.",
    ].join("\n"),
  );
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/courriels-entrants?view=all");
  const row = page.getByRole("row", { name: new RegExp(subject) });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Ticket créé", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  await row.getByRole("link", { name: /SOS-\d{4}-\d{6}/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText("Commune de Saint-Aubin-des-Vignes").first()).toBeVisible();
});

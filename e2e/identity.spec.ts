// Done when (identity): an admin invites a technician and an agent of a commune; each signs in;
// the agent sees only their commune; the history shows who did what.
import { expect, expectAccessible, test } from "./fixtures.ts";
import { linkFromMail, signIn, signInAsAdmin, signOut } from "./helpers.ts";

test.describe.configure({ mode: "serial" });
const admin: { secret?: string } = {};

test("an admin invites a technician and an agent; each signs in with their own rights", async ({ page }) => {
  await signInAsAdmin(page, admin);
  await page.getByRole("navigation").first().getByRole("link", { name: "Personnes" }).click();
  await expectAccessible(page);

  const invite = async (name: string, email: string, role: string, body?: string) => {
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill(name);
    await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill(email);
    await page.getByLabel("Rôle").selectOption({ label: role });
    if (body) await page.getByLabel("Organisme (pour un agent partenaire)").selectOption({ label: body });
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Invitation envoyée.");
  };
  await invite("Camille Rivet", "camille.rivet@val-orlene.example", "Technicien");
  // A bad address is refused with the field named, and nothing typed is lost.
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Louise Caron");
  await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill("louise.caron@roche");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Adresse e-mail");
  await expect(page.getByRole("textbox", { name: "Nom", exact: true })).toHaveValue("Louise Caron");
  await invite(
    "Louise Caron",
    "louise.caron@roche-blanche.example",
    "Agent partenaire",
    "Commune de Roche-Blanche",
  );
  await expect(page.getByRole("rowheader", { name: "Louise Caron" })).toBeVisible();
  await signOut(page);

  // The technician accepts the invitation and sees every body.
  await page.goto(await linkFromMail("camille.rivet@val-orlene.example", "/invitation/"));
  await expectAccessible(page);
  await page.getByLabel("Nouveau mot de passe").fill("technicien-2026!");
  await page.getByLabel("Confirmez le mot de passe").fill("technicien-2026!");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  // Accepting the invitation signs the person in.
  await expect(page.getByText("Connecté : Camille Rivet")).toBeVisible();
  await page.goto("/organismes");
  await expect(page.getByRole("rowheader", { name: "Commune de Montclair" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Commune de Roche-Blanche" })).toBeVisible();
  await page.getByRole("link", { name: "Commune de Montclair" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Commune de Montclair" })).toBeVisible();
  const montclairUrl = page.url();
  await signOut(page);

  // The agent sees only their commune, even by guessing another body's address.
  const link = await linkFromMail("louise.caron@roche-blanche.example", "/invitation/");
  await page.goto(link);
  await page.getByLabel("Nouveau mot de passe").fill("court");
  await page.getByLabel("Confirmez le mot de passe").fill("court");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  // The error names the field and sits on it; the page keeps the form.
  await expect(page.getByRole("main").getByRole("alert")).toContainText("« Mot de passe »");
  await expect(page.getByRole("main").getByRole("alert")).not.toContainText("« _ »");
  const pwd = page.getByLabel("Nouveau mot de passe");
  await expect(pwd).toHaveAttribute("aria-invalid", "true");
  await expect(pwd).toHaveAccessibleDescription(/au moins 12 caractères/);
  await expectAccessible(page);
  await pwd.fill("agent-roche-2026");
  await page.getByLabel("Confirmez le mot de passe").fill("agent-roche-2026");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Connecté : Louise Caron")).toBeVisible();
  await page.getByRole("navigation").first().getByRole("link", { name: "Organismes" }).click();
  const rows = page.getByRole("table").getByRole("rowheader");
  await expect(rows).toHaveText(["Commune de Roche-Blanche"]);
  await expectAccessible(page);
  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Commune de Roche-Blanche" })).toBeVisible();
  await expectAccessible(page);
  // Another body's page does not exist for them, even with its address.
  await page.goto(montclairUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expect(page.getByText("Commune de Montclair")).toHaveCount(0);
  await signOut(page);

  // The invitation link cannot be used twice.
  await page.goto(link);
  await expect(page.getByText("Ce lien n'est plus valable")).toBeVisible();
});

test("the history shows who did what", async ({ page }) => {
  await signInAsAdmin(page, admin);
  await page.goto("/organismes?q=Roche");
  await page.getByRole("link", { name: "Commune de Roche-Blanche" }).click();
  const history = page
    .getByRole("region", { name: "Historique" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "Historique" }) }));
  await expect(history.getByText("Hélène Marchal — création").first()).toBeVisible();
  await expect(history.getByText("louise.caron@roche-blanche.example").first()).toBeVisible();
  await page.getByRole("link", { name: "Louise Caron" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Louise Caron" })).toBeVisible();
  await expect(page.getByText("Louise Caron — modification").first()).toBeVisible(); // she set her password
  await expect(page.getByText("Hélène Marchal — création").first()).toBeVisible();
  await expectAccessible(page);
});

test("an admin changes an agent's bodies and deactivates the account; the agent can no longer sign in", async ({
  page,
}) => {
  await signInAsAdmin(page, admin);
  await page.goto("/admin/personnes?q=Louise");
  await page.getByRole("link", { name: "Louise Caron" }).click();
  const bodies = page.getByRole("group", { name: "Organismes" });
  await expect(bodies.getByRole("checkbox", { name: "Commune de Roche-Blanche" })).toBeChecked();
  await expectAccessible(page);

  // An agent without a body is refused, the field named, and what was typed is kept.
  await page.getByRole("textbox", { name: "Téléphone" }).fill("02 38 55 10 20");
  await bodies.getByRole("checkbox", { name: "Commune de Roche-Blanche" }).uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Un agent doit appartenir à au moins un organisme.",
  );
  await expect(bodies).toContainText("au moins un organisme"); // next to the field too
  await expect(page.getByRole("textbox", { name: "Téléphone" })).toHaveValue("02 38 55 10 20");

  await bodies.getByRole("checkbox", { name: "Commune de Roche-Blanche" }).check();
  await bodies.getByRole("checkbox", { name: "Commune de Montclair" }).check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
  await expect(
    page
      .getByText("Commune de Montclair, Commune de Roche-Blanche")
      .or(page.getByText("Commune de Roche-Blanche, Commune de Montclair"))
      .first(),
  ).toBeVisible();
  await signOut(page);

  await signIn(page, "louise.caron@roche-blanche.example", "agent-roche-2026");
  await expect(page.getByText("Connecté : Louise Caron")).toBeVisible();
  await page.getByRole("navigation").first().getByRole("link", { name: "Organismes" }).click();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText([
    "Commune de Montclair",
    "Commune de Roche-Blanche",
  ]);
  await signOut(page);

  await signInAsAdmin(page, admin);
  await page.goto("/admin/personnes?q=Louise");
  await page.getByRole("link", { name: "Louise Caron" }).click();
  await page.getByRole("checkbox", { name: "Compte actif" }).uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  // Deactivation asks first; « Ne rien changer » is focused, Escape keeps the account.
  const dialog = page.getByRole("dialog", { name: "Désactiver le compte de Louise Caron ?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Ne rien changer" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("actif", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await dialog.getByRole("button", { name: "Désactiver et enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
  await expect(page.getByText("désactivé", { exact: true })).toBeVisible();
  await expect(page.getByText("Hélène Marchal — modification").first()).toBeVisible();
  await signOut(page);

  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("louise.caron@roche-blanche.example");
  await page.getByLabel("Mot de passe").fill("agent-roche-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(page.getByText("Connecté : Louise Caron")).toHaveCount(0);
});

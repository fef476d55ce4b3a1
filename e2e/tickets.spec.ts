// The heart of the product: a fault reported on a Friday evening, the deadline promised by the
// convention (weekend and holiday skipped), a day waiting on the partner, internal notes unseen.
import {
  addBusinessTime,
  easterSunday,
  instantOf,
  addDays,
  type Calendar,
} from "../packages/core/src/sla/index.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { setClock, signIn, signOut } from "./helpers.ts";

const H = 3600_000;
// The demo "Horaires de la DSI" calendar, which the Bellerive convention uses for SIG-M@.
const dsi: Calendar = {
  timeZone: "Europe/Paris",
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [
      d,
      [
        { from: "08:30", to: "12:00" },
        { from: "13:30", to: "17:30" },
      ],
    ]),
  ),
  holidayZone: "metropole",
};
const paris = (d: Date) =>
  new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  }).format(d);

test.afterEach(() => setClock(null));
// Months of demo history make each page heavier to check (axe): room for a loaded machine.
test.describe.configure({ timeout: 150_000 });

test("a Friday-evening fault gets a deadline past the weekend and Easter Monday; a day waiting on the partner moves it by exactly that day", async ({
  page,
}) => {
  // A long journey (three people, four days) over pages full of demo history: more time on busy machines.
  test.slow();
  // Good Friday of this year, 18:30 in Paris: Monday is Easter Monday, a holiday.
  const year = new Date().getFullYear();
  const friday = addDays(easterSunday(year), -2);
  const reported = new Date(instantOf("Europe/Paris", friday, 18 * 60 + 30));
  setClock(reported);

  await signIn(page, "agent@bellerive.example");
  await page.getByRole("link", { name: "Mes demandes" }).click();
  await page.getByRole("link", { name: "Signaler un incident ou faire une demande" }).click();
  await expectAccessible(page);
  await expect(page.getByRole("textbox", { name: "Nom du déclarant", exact: true })).toHaveValue(
    "Marc Delorme",
  );
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "SIG-M@" });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Carte du réseau d'eau blanche");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("Panne");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  // Nothing is lost, and the missing field is named.
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Description");
  await expect(page.getByText("Décrivez le problème en au moins 10 caractères.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Objet", exact: true })).toHaveValue(
    "Carte du réseau d'eau blanche",
  );
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Depuis 18 h, la carte du réseau d'eau reste blanche sur tous les postes.");
  await page.getByRole("combobox", { name: "Impact" }).selectOption({ label: "Élevé" });
  await page.getByRole("combobox", { name: "Urgence" }).selectOption({ label: "Moyenne" });
  await page.getByLabel("Pièces jointes").setInputFiles({
    name: "capture.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  });
  await page.getByRole("button", { name: "Envoyer la demande" }).click();

  // 12 business hours from Friday 18:30: Tuesday (Monday is a holiday) then Wednesday 14:30.
  const due = addBusinessTime(dsi, reported, 12 * H);
  await expect(page.getByRole("heading", { level: 1, name: "Carte du réseau d'eau blanche" })).toBeVisible();
  await expect(page.getByTestId("due-promise")).toHaveText(`Intervention prévue avant ${paris(due)}`);
  expect(paris(due)).toMatch(/^mercredi .* 14:30$/);
  await page.getByText("Pourquoi cette échéance ?").first().click();
  await expect(page.getByText(/férié \(Lundi de Pâques\)/).first()).toBeVisible();
  await expectAccessible(page);
  const ticketUrl = page.url();
  const number = (await page
    .getByText(/SOS-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/SOS-\d{4}-\d{6}/)![0];
  await signOut(page);

  // Tuesday 09:30: the technician finds it in the queue, writes an internal note and waits on the partner.
  const tuesday = new Date(instantOf("Europe/Paris", addDays(friday, 4), 9 * 60 + 30));
  setClock(tuesday);
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets");
  await expectAccessible(page);
  // Among the demo history, the queue's search takes the number and opens the ticket.
  await page.getByRole("searchbox", { name: "Rechercher", exact: true }).fill(number);
  await page.getByRole("searchbox", { name: "Rechercher", exact: true }).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Carte du réseau d'eau blanche" })).toBeVisible();
  // The reply box turns into an internal note (styled apart), and the status changes in place.
  await page.locator("label", { hasText: "Note interne" }).click();
  await page
    .getByRole("textbox", { name: "Note interne (invisible du partenaire)" })
    .fill("Piste : cache de tuiles corrompu sur le serveur SIG-03");
  await page.getByRole("button", { name: "Ajouter la note" }).click();
  // In the conversation (the reply box's own text matches too until the page comes back).
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue("");
  await expect(
    page.getByRole("listitem").filter({ hasText: "Piste : cache de tuiles corrompu sur le serveur SIG-03" }),
  ).toBeVisible();
  await page.getByRole("button", { name: /^Changer le statut/ }).click();
  await page
    .getByRole("combobox", { name: "Nouveau statut" })
    .selectOption({ label: "En attente du partenaire" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByTestId("due-promise")).toHaveText(
    "En attente du partenaire : le délai est suspendu",
  );
  await signOut(page);

  // Wednesday 09:30, a day later: the partner answers; the clock resumes.
  setClock(new Date(tuesday.getTime() + 24 * H));
  await signIn(page, "agent@bellerive.example");
  await page.goto(ticketUrl);
  await expect(page.getByText("cache de tuiles")).toHaveCount(0); // never the internal note
  await expect(page.getByText("note interne")).toHaveCount(0);
  await page
    .getByRole("textbox", { name: "Message", exact: true })
    .fill("Le problème touche aussi la mairie annexe.");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Le problème touche aussi la mairie annexe." }),
  ).toBeVisible();
  // Paused from Tuesday 09:30 to Wednesday 09:30: 7.5 working hours, so the deadline moves to Thursday 14:30.
  const moved = new Date(due.getTime() + 24 * H);
  expect(paris(moved)).toMatch(/^jeudi .* 14:30$/);
  await expect(page.getByTestId("due-promise")).toHaveText(`Intervention prévue avant ${paris(moved)}`);
  await expect(page.getByText("cache de tuiles")).toHaveCount(0);

  // Search as the partner does not find words of the internal note; it finds their own words.
  await page.getByRole("link", { name: "Mes demandes" }).click();
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("tuiles");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("Aucune demande pour l'instant.")).toBeVisible();
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("mairies annexes");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("link", { name: number })).toBeVisible();
});

test("a technician enters a hand-delivered letter with its reception time, filters the queue and assigns in bulk", async ({
  page,
}) => {
  await signIn(page, "tech@val-orlene.example");
  await page.goto("/tickets/nouveau");
  await expectAccessible(page);
  await page
    .getByRole("combobox", { name: "Organisme" })
    .selectOption({ label: "CCAS de Villeneuve-d'Orlène" });
  await page.getByRole("combobox", { name: "Canal" }).selectOption({ label: "Courrier" });
  const received = new Date(Date.now() - 3 * H);
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(received)
    .replace(" ", "T");
  await page.getByLabel("Reçu le").fill(local);
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "E-administration" });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Parapheur bloqué (courrier urgent)");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Courrier remis en main propre : le parapheur refuse toute signature.");
  await page.getByRole("combobox", { name: "Impact" }).selectOption({ label: "Élevé" });
  await page.getByRole("textbox", { name: "Nom du déclarant", exact: true }).fill("Déclarant du CCAS");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Parapheur bloqué (courrier urgent)" }),
  ).toBeVisible();
  await expect(page.getByText(/Courrier \(saisi le/)).toBeVisible();
  // 12 clock hours round the clock (the CCAS convention): due 12 h after reception.
  await expect(page.getByTestId("due-promise")).toHaveText(
    `Intervention prévue avant ${paris(new Date(Math.floor(received.getTime() / 60_000) * 60_000 + 12 * H))}`,
  );

  // Requalified to another service: the event says so.
  await page.getByRole("button", { name: /^Changer de service/ }).click();
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "Open data" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByText("Service : E-administration → Open data")).toBeVisible();

  await page.goto("/tickets");
  await page.getByRole("link", { name: /Non attribués/ }).click();
  const row = page.getByRole("row", { name: /Parapheur bloqué/ });
  await row.getByRole("checkbox").check();
  await page.getByRole("combobox", { name: "Attribuer à" }).selectOption({ label: "Nadia Belkacem" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("1 ticket mis à jour sur 1.");
  await page.getByRole("link", { name: /Mes tickets/ }).click();
  await expect(page.getByRole("row", { name: /Parapheur bloqué/ })).toContainText("Attribué");
  // Keyboard: "/" goes to the search box.
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Rechercher" })).toBeFocused();
  await page.keyboard.type("parapheurs");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("row", { name: /Parapheur bloqué/ })).toBeVisible();
});

// The partner portal on a 390 px phone, used with a thumb: the request form and the request's page
// have no sideways scrolling, every control is a 44 px touch target, the primary action is full width
// and one tap away. Once the request is resolved, the rating form starts with no score chosen, and
// sending it without one says so in French, naming the field.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";
import { signIn, signOut } from "./helpers.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };

/** Sideways overflow of the page, in CSS pixels (0 when it fits the screen). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) as Promise<number>;

/** Visible controls of the main content smaller than a 44 × 44 px touch target (WCAG 2.5.5). */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const selector = [
      "button",
      "select",
      "textarea",
      "summary",
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio])",
      "a[class~='inline-flex']",
    ].join(",");
    return [...document.querySelectorAll<HTMLElement>(`main :is(${selector})`)]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(
        ({ el, box }) => box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden",
      )
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} « ${el.textContent?.trim() || el.getAttribute("name")} » ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  }) as Promise<string[]>;

test.describe.configure({ timeout: 150_000 });

test("on a phone, the request form and the request's page work with a thumb; the rating starts with no score", async ({
  page,
}) => {
  await signIn(page, "agent@bellerive.example");
  await page.setViewportSize(PHONE);

  // The request form: fits the screen, thumb-sized fields, a full-width « Envoyer la demande ».
  await page.goto("/demandes/nouvelle");
  await expectAccessible(page);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await smallTargets(page)).toEqual([]);
  const submit = page.getByRole("button", { name: "Envoyer la demande" });
  const submitBox = (await submit.boundingBox())!;
  expect(submitBox.width).toBeGreaterThanOrEqual(PHONE.width - 64);
  await page.getByRole("combobox", { name: "Service concerné" }).selectOption({ label: "SIG-M@" });
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Tablette de l'accueil sans réseau");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("La tablette de l'accueil ne se connecte plus au réseau depuis ce matin.");
  await submit.click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Tablette de l'accueil sans réseau" }),
  ).toBeVisible();
  const ticketUrl = page.url().split("?")[0]!;

  // The request's page: fits the screen; « Répondre » in the first screen takes the thumb to the
  // reply box; « Envoyer » is full width; « Annuler la demande » is a touch target too.
  await expectAccessible(page);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await smallTargets(page)).toEqual([]);
  const jump = page.getByRole("link", { name: "Répondre", exact: true });
  const jumpBox = (await jump.boundingBox())!;
  expect(jumpBox.y + jumpBox.height).toBeLessThanOrEqual(PHONE.height);
  await jump.click();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toBeInViewport();
  const send = page.getByRole("button", { name: "Envoyer", exact: true });
  expect((await send.boundingBox())!.width).toBeGreaterThanOrEqual(PHONE.width - 80);
  await expect(page.getByRole("button", { name: "Annuler la demande" })).toBeVisible();
  await page.setViewportSize(DESKTOP);
  await signOut(page);

  // The technician resolves it.
  await signIn(page, "tech@val-orlene.example");
  await page.goto(ticketUrl);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("La borne Wi-Fi est redémarrée.");
  await page.getByRole("button", { name: "Envoyer et résoudre" }).click();
  await expect(page.getByText("Statut : Nouveau → Résolu")).toBeVisible();
  await signOut(page);

  // The partner rates it, on the phone: no score is chosen for them.
  await signIn(page, "agent@bellerive.example");
  await page.setViewportSize(PHONE);
  await page.goto(`${ticketUrl}#noter`);
  const rating = page.locator("#noter");
  await expect(rating.getByRole("heading", { name: "Votre avis sur le traitement" })).toBeVisible();
  const score = rating.getByRole("combobox", { name: "Note" });
  await expect(score).toHaveValue("");
  await expect(score.locator("option:checked")).toHaveText("Choisissez une note");
  await expect(score).toHaveAttribute("required", "");
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await smallTargets(page)).toEqual([]);

  // Sent without a score (as a browser without form validation would): a French message naming the
  // field, and the comment typed is kept.
  await rating.locator("form").evaluate((form) => {
    (form as HTMLFormElement).noValidate = true;
  });
  await rating.getByRole("textbox", { name: "Commentaire" }).fill("Rapide, merci.");
  await rating.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(rating.getByRole("alert")).toHaveText("Valeur invalide pour le champ « Note ».");
  await expect(rating.getByText("Une note de 1 à 5.")).toBeVisible();
  await expect(rating.getByRole("textbox", { name: "Commentaire" })).toHaveValue("Rapide, merci.");
  await expectAccessible(page);

  await score.selectOption("4");
  await rating.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(page.getByText("Avis : 4 sur 5")).toBeVisible();
  await expect(page.locator("#noter")).toHaveCount(0);
});

"use server";
import { formText, runThenRedirect, runThenStay } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";
import { bracketsOf, centsOf } from "./money.ts";

const opt = (fd: FormData, k: string) => formText(fd, k) || null;
const num = (fd: FormData, k: string) =>
  formText(fd, k) === "" ? Number.NaN : Number(formText(fd, k).replace(",", "."));

function subscriptionOf(fd: FormData) {
  const mode = formText(fd, "subscriptionMode");
  if (mode === "flat") return { mode, priceCents: centsOf(formText(fd, "subscriptionPrice")) } as const;
  if (mode === "per_inhabitant")
    return { mode, centsPerInhabitant: centsOf(formText(fd, "subscriptionPrice")) } as const;
  if (mode === "bracket") return { mode, brackets: bracketsOf(formText(fd, "subscription")) } as const;
  return { mode: "none" } as const;
}

/** "10000: 600\n100000: 1500\n: 3000" → row bands of a migration price (empty ceiling: open band). */
function migrationOf(fd: FormData) {
  const bands = formText(fd, "migrationBands");
  if (bands)
    return {
      mode: "bands",
      bands: bracketsOf(bands).map((b) => ({ upToRows: b.upTo, priceCents: b.priceCents })),
    } as const;
  const price = formText(fd, "migrationPrice");
  return price ? ({ mode: "flat", priceCents: centsOf(price) } as const) : ({ mode: "none" } as const);
}

function gridOf(fd: FormData) {
  return {
    serviceId: formText(fd, "serviceId"),
    label: formText(fd, "label"),
    validFrom: formText(fd, "validFrom"),
    validTo: opt(fd, "validTo"),
    free: fd.get("free") === "on",
    subscription: subscriptionOf(fd),
    initialisationCents: centsOf(formText(fd, "initialisationCents")),
    trainingDayCents: centsOf(formText(fd, "trainingDayCents")),
    trainingSessionCents: centsOf(formText(fd, "trainingSessionCents")),
    trainingParticipantCents: centsOf(formText(fd, "trainingParticipantCents")),
    lateCancellationCents: centsOf(formText(fd, "lateCancellationCents")),
    migration: migrationOf(fd),
    hourlyRates: {
      technician: centsOf(formText(fd, "technician")),
      engineer: centsOf(formText(fd, "engineer")),
      project_manager: centsOf(formText(fd, "project_manager")),
    },
  };
}

export async function createGridAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.createGrid(gridOf(fd));
    return "/facturation/grilles";
  });
}

/** The next version of a grid, from the prefilled form of the version it comes from. */
export async function nextGridVersionAction(fromId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const saved = await c.billing.nextGridVersion({ fromId, grid: gridOf(fd) });
    return `/facturation/grilles/${saved.id}`;
  });
}

function planOf(fd: FormData) {
  const extra = (k: "association" | "other") => (formText(fd, k) === "" ? {} : { [k]: num(fd, k) });
  return {
    name: formText(fd, "name"),
    deliberationRef: formText(fd, "deliberationRef"),
    serviceId: opt(fd, "serviceId"),
    globalCostCents: centsOf(formText(fd, "globalCostCents")),
    periodFrom: formText(fd, "periodFrom"),
    periodTo: formText(fd, "periodTo"),
    populationYear: num(fd, "populationYear"),
    groupWeights: fd.get("equalGroups") === "on" ? { commune: 1, ccas: 1 } : null,
    providerRates: {
      commune: num(fd, "commune"),
      ccas: num(fd, "ccas"),
      ...extra("association"),
      ...extra("other"),
    },
    memberIds: fd.getAll("memberIds").map(String),
  };
}

export async function createPlanAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const plan = await c.billing.createPlan(planOf(fd));
    return `/facturation/plans/${plan.id}`;
  });
}

export async function updatePlanAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.updatePlan({ id, plan: planOf(fd) });
    return `/facturation/plans/${id}`;
  });
}

export async function addBudgetCodeAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.addBudgetCode({
      serviceId: opt(fd, "serviceId"),
      lineKind: formText(fd, "lineKind") as "time",
      bodyKind: formText(fd, "bodyKind") as "commune",
      fromYear: num(fd, "fromYear"),
      chapter: formText(fd, "chapter"),
      article: formText(fd, "article"),
      function: formText(fd, "function"),
    });
    return "/facturation/imputations";
  });
}

export async function removeBudgetCodeAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.removeBudgetCode({ id });
    return "/facturation/imputations";
  });
}

export async function issueAction(bodyId: string, from: string, to: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => `/facturation/releves/${(await c.billing.issue({ bodyId, from, to })).id}`,
  );
}

export async function paymentAction(statementId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.recordPayment({
      statementId,
      amountCents: centsOf(formText(fd, "amountCents")),
      paidOn: formText(fd, "paidOn"),
      reference: formText(fd, "reference"),
    });
    return `/facturation/releves/${statementId}`;
  });
}

export async function creditNoteAction(statementId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const line = formText(fd, "lineIndex");
    await c.billing.creditNote({
      statementId,
      lineIndex: line === "" ? null : Number(line),
      amountCents: centsOf(formText(fd, "amountCents")),
      reason: formText(fd, "reason"),
    });
    return `/facturation/releves/${statementId}`;
  });
}

export async function invoicingAction(bodyId: string, _: FormState, fd: FormData) {
  return runThenStay(fd, (c) =>
    c.billing.setInvoicing({
      bodyId,
      invoicingRequirement: formText(fd, "invoicingRequirement") as "none",
      invoicingServiceCode: opt(fd, "invoicingServiceCode"),
      commitmentNumber: opt(fd, "commitmentNumber"),
    }),
  );
}

/** "3h30", "3:30" or "1,5" (hours) → minutes; anything else is NaN, refused with the field named. */
function minutesOf(fd: FormData): number {
  const [h, m] = formText(fd, "minutes")
    .split(/[h:]/)
    .map((x) => x.trim());
  const minutes =
    m !== undefined ? Number(h || 0) * 60 + Number(m || 0) : Number((h ?? "").replace(",", ".")) * 60;
  return Math.round(minutes);
}

const timeOf = (fd: FormData) => ({
  workedOn: formText(fd, "workedOn"),
  minutes: minutesOf(fd),
  profile: formText(fd, "profile") as "technician",
  billable: fd.get("billable") === "on",
  comment: formText(fd, "comment"),
});

export async function logTimeAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.logTime({ ticketId, ...timeOf(fd) });
    return `/tickets/${ticketId}#temps`;
  });
}

/** Time spent on a data-migration job. */
export async function logJobTimeAction(migrationJobId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.billing.logJobTime({ migrationJobId, ...timeOf(fd) });
    return `/reprises/${migrationJobId}#temps`;
  });
}

export async function waiverAction(
  conventionId: string,
  waived: boolean,
  back: string,
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => (await c.billing.setWaiver({ conventionId, waived }), back));
}

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

export async function createGridAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const migrationPrice = formText(fd, "migrationPrice");
    await c.billing.createGrid({
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
      migration: migrationPrice ? { mode: "flat", priceCents: centsOf(migrationPrice) } : { mode: "none" },
      hourlyRates: {
        technician: centsOf(formText(fd, "technician")),
        engineer: centsOf(formText(fd, "engineer")),
        project_manager: centsOf(formText(fd, "project_manager")),
      },
    });
    return "/facturation/grilles";
  });
}

export async function createPlanAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const plan = await c.billing.createPlan({
      name: formText(fd, "name"),
      deliberationRef: formText(fd, "deliberationRef"),
      globalCostCents: centsOf(formText(fd, "globalCostCents")),
      periodFrom: formText(fd, "periodFrom"),
      periodTo: formText(fd, "periodTo"),
      populationYear: num(fd, "populationYear"),
      groupWeights: fd.get("equalGroups") === "on" ? { commune: 1, ccas: 1 } : null,
      providerRates: { commune: num(fd, "commune"), ccas: num(fd, "ccas") },
      memberIds: fd.getAll("memberIds").map(String),
    });
    return `/facturation/plans/${plan.id}`;
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

export async function logTimeAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const [h, m] = formText(fd, "minutes")
      .split(/[h:]/)
      .map((x) => x.trim());
    const minutes =
      m !== undefined ? Number(h || 0) * 60 + Number(m || 0) : Number((h ?? "").replace(",", ".")) * 60;
    await c.billing.logTime({
      ticketId,
      workedOn: formText(fd, "workedOn"),
      minutes: Math.round(minutes),
      profile: formText(fd, "profile") as "technician",
      billable: fd.get("billable") === "on",
      comment: formText(fd, "comment"),
    });
    return `/tickets/${ticketId}#temps`;
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

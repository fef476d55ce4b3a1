"use server";
// Loan forms: read the form, call the API, go back to the page; errors mapped once (form-errors.ts),
// with what was typed given back.
import { formText, runThenRedirect } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";
import { parisLocalToDate } from "../../lib/paris-time.ts";

/** Values of the rows `${prefix}${i}` present in the form, by index. */
const rows = (fd: FormData, key: string) =>
  [...fd.keys()]
    .filter((k) => k.startsWith(key))
    .map((k) => k.slice(key.length))
    .filter((x, i, all) => all.indexOf(x) === i);

const checked = (fd: FormData, prefix: string) =>
  [...fd.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));

export async function createLoanAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const conventionId = formText(fd, "conventionId");
    const options = await c.loans.formOptions();
    const body = options.bodies.find((b) => b.conventions.some((x) => x.id === conventionId));
    const loan = await c.loans.create({
      bodyId: body?.id ?? "",
      conventionId,
      assetIds: checked(fd, "asset-"),
      startDate: formText(fd, "startDate"),
      endDate: formText(fd, "endDate"),
      address: formText(fd, "address"),
      contactName: formText(fd, "contactName"),
      contactPhone: formText(fd, "contactPhone"),
      notes: formText(fd, "notes"),
    });
    return `/prets/${loan.id}`;
  });
}

export async function saveInventoryAction(loanId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.saveInventory({
      loanId,
      items: rows(fd, "cond-").map((id) => ({
        assetId: id,
        condition: formText(fd, `cond-${id}`) as "good",
        accessories: formText(fd, `acc-${id}`),
        remark: formText(fd, `rem-${id}`),
      })),
      accessories: rows(fd, "accLabel-")
        .filter((i) => formText(fd, `accLabel-${i}`))
        .map((i) => ({
          label: formText(fd, `accLabel-${i}`),
          quantity: Number(formText(fd, `accQty-${i}`) || "1"),
          remark: formText(fd, `accRem-${i}`),
        })),
      tests: rows(fd, "test-")
        .filter((i) => formText(fd, `test-${i}`))
        .map((i) => ({
          tag: formText(fd, `testTag-${i}`),
          test: formText(fd, `test-${i}`),
          result: formText(fd, `result-${i}`) as "ok",
          remark: formText(fd, `testRem-${i}`),
        })),
    });
    return `/prets/${loanId}#inventaire`;
  });
}

export async function saveReturnAction(loanId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.saveReturn({
      loanId,
      items: rows(fd, "outcome-").map((id) => ({
        assetId: id,
        outcome: formText(fd, `outcome-${id}`) as "same",
        remark: formText(fd, `rem-${id}`),
        wipeMethod: formText(fd, `wipeMethod-${id}`),
        wipeBy: formText(fd, `wipeBy-${id}`),
        wipeAt: formText(fd, `wipeAt-${id}`),
      })),
      accessories: rows(fd, "retLabel-").map((i) => ({
        label: formText(fd, `retLabel-${i}`),
        returned: Number(formText(fd, `retQty-${i}`)),
        remark: formText(fd, `retRem-${i}`),
      })),
    });
    return `/prets/${loanId}#restitution`;
  });
}

export async function signAction(
  loanId: string,
  documentId: string,
  sha256: string,
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.signOff({ documentId, sha256 });
    return `/prets/${loanId}`;
  });
}

export async function onSiteAction(
  loanId: string,
  documentId: string,
  sha256: string,
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(
    fd,
    async (c) => {
      await c.loans.signOffOnSite({
        documentId,
        sha256,
        email: formText(fd, "email"),
        password: String(fd.get("password") ?? ""),
        code: formText(fd, "code"),
      });
      return `/prets/${loanId}`;
    },
    ["password", "code"],
  );
}

export async function requestCodeAction(loanId: string, documentId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.requestCode({ documentId, email: formText(fd, "codeEmail") });
    return `/prets/${loanId}?code=envoye#sur-place-${documentId}`;
  });
}

export async function loanStepAction(
  loanId: string,
  step: "startService" | "startReturn" | "cancel",
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => {
    await c.loans[step]({ id: loanId });
    return `/prets/${loanId}`;
  });
}

export async function declareLossAction(loanId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.declareLoss({
      loanId,
      kind: formText(fd, "kind") === "theft" ? "theft" : "loss",
      assetIds: checked(fd, "lost-"),
      discoveredAt: parisLocalToDate(formText(fd, "discoveredAt")),
      circumstances: formText(fd, "circumstances"),
      policeReportRef: formText(fd, "policeReportRef"),
    });
    return `/prets/${loanId}#sinistres`;
  });
}

export async function claimAction(loanId: string, declarationId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.setClaim({ declarationId, claimStatus: formText(fd, "claimStatus") as "declared" });
    return `/prets/${loanId}#sinistres`;
  });
}

export async function lossFileAction(
  loanId: string,
  declarationId: string,
  field: "proofOfInsurance" | "insurerAnswer",
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => {
    const file = fd.get(field);
    const f = file instanceof File ? file : null;
    await c.loans.addLossFile({
      declarationId,
      field,
      name: f?.name || "document",
      mimeType: f?.type || "application/octet-stream",
      contentBase64: f ? Buffer.from(await f.arrayBuffer()).toString("base64") : "",
    });
    return `/prets/${loanId}#sinistres`;
  });
}

export async function remedyAction(loanId: string, declarationId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.recordRemedy({
      declarationId,
      remedy: formText(fd, "remedy") === "repair" ? "repair" : "replacement",
      replacementSerial: formText(fd, "replacementSerial"),
      remedyNote: formText(fd, "remedyNote"),
    });
    return `/prets/${loanId}#sinistres`;
  });
}

export async function reserveAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const r = await c.loans.reserve({
      assetId: formText(fd, "assetId"),
      bodyId: formText(fd, "bodyId") || null,
      startDate: formText(fd, "startDate"),
      endDate: formText(fd, "endDate"),
      purpose: formText(fd, "purpose"),
    });
    return `/prets/calendrier?from=${r.startDate.toISOString().slice(0, 10)}`;
  });
}

export async function cancelReservationAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.cancelReservation({ id });
    return `/prets/calendrier`;
  });
}

export async function saveTemplateAction(kindId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.loans.saveTemplate({
      kindId,
      tests: formText(fd, `tests-${kindId}`)
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
    });
    return `/prets/modeles`;
  });
}

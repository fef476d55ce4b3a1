"use server";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";
import { termsFrom } from "../../lib/terms-form.ts";

const opt = (fd: FormData, k: string) => formText(fd, k) || null;
const int = (fd: FormData, k: string) => (formText(fd, k) === "" ? null : Number(formText(fd, k)));

function conventionFrom(fd: FormData) {
  const renewalRule = (
    ["none", "tacit", "explicit"].includes(formText(fd, "renewalRule")) ? formText(fd, "renewalRule") : "none"
  ) as "none";
  return {
    title: formText(fd, "title"),
    deliberationRef: formText(fd, "deliberationRef"),
    signatoryBodyId: formText(fd, "signatoryBodyId"),
    communeBodyId: opt(fd, "communeBodyId"),
    startDate: formText(fd, "startDate"),
    endDate: opt(fd, "endDate"),
    renewalRule,
    renewalYears: int(fd, "renewalYears"),
    noticeMonths: int(fd, "noticeMonths") ?? 0,
  };
}

export async function saveConventionAction(id: string | null, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) =>
      `/conventions/${(id ? await c.conventions.update({ id, convention: conventionFrom(fd) }) : await c.conventions.create(conventionFrom(fd))).id}`,
  );
}

export async function setTermsAction(conventionId: string, versionId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.conventions.setTerms({ versionId, serviceId: formText(fd, "serviceId"), terms: termsFrom(fd) });
    return `/conventions/${conventionId}#v${versionId}`;
  });
}

export async function removeServiceAction(
  conventionId: string,
  versionId: string,
  serviceId: string,
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.conventions.removeService({ versionId, serviceId }),
      `/conventions/${conventionId}`
    ),
  );
}

export async function amendAction(conventionId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const v = await c.conventions.amend({
      conventionId,
      effectiveFrom: formText(fd, "effectiveFrom"),
      deliberationRef: formText(fd, "amendDeliberationRef") || undefined,
      summary: formText(fd, "summary"),
    });
    return `/conventions/${conventionId}#v${v.id}`;
  });
}

export async function versionAction(
  conventionId: string,
  versionId: string,
  what: "sign" | "discard",
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => {
    if (what === "sign") await c.conventions.signAmendment({ id: versionId });
    else await c.conventions.discardAmendment({ id: versionId });
    return `/conventions/${conventionId}`;
  });
}

export async function lifecycleAction(
  conventionId: string,
  what: "activate" | "giveNotice" | "terminate" | "renew",
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(fd, async (c) => {
    if (what === "activate") await c.conventions.activate({ id: conventionId });
    if (what === "giveNotice")
      await c.conventions.giveNotice({
        conventionId,
        noticeDate: formText(fd, "noticeDate"),
        givenBy: formText(fd, "givenBy") === "provider" ? "provider" : "partner",
        note: formText(fd, "note") || undefined,
      });
    if (what === "terminate")
      await c.conventions.terminate({
        conventionId,
        terminatedOn: formText(fd, "terminatedOn"),
        reason: formText(fd, "reason"),
      });
    if (what === "renew") await c.conventions.renew({ conventionId, newEndDate: formText(fd, "newEndDate") });
    return `/conventions/${conventionId}`;
  });
}

export async function addDocumentAction(conventionId: string, _: FormState, fd: FormData) {
  const file = fd.get("file");
  return runThenRedirect(
    fd,
    async (c) => {
      if (!(file instanceof File) || file.size === 0)
        throw Object.assign(new Error("file required"), {
          issues: [{ path: ["file"], message: "required" }],
        });
      await c.conventions.addDocument({
        conventionId,
        versionId: opt(fd, "versionId"),
        label: formText(fd, "label"),
        fileName: file.name.slice(0, 200),
        mimeType: file.type as "application/pdf",
        contentBase64: Buffer.from(await file.arrayBuffer()).toString("base64"),
      });
      return `/conventions/${conventionId}#documents`;
    },
    ["file"],
  );
}

export async function removeDocumentAction(
  conventionId: string,
  documentId: string,
  _: FormState,
  fd: FormData,
) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.conventions.removeDocument({ id: documentId }),
      `/conventions/${conventionId}#documents`
    ),
  );
}

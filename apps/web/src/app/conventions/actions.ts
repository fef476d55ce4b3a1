"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { termsFrom } from "../../lib/terms-form.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

const text = (fd: FormData, k: string) => String(fd.get(k) ?? "").trim();
const opt = (fd: FormData, k: string) => text(fd, k) || null;
const int = (fd: FormData, k: string) => (text(fd, k) === "" ? null : Number(text(fd, k)));

function conventionFrom(fd: FormData) {
  const renewalRule = (["none", "tacit", "explicit"].includes(text(fd, "renewalRule")) ? text(fd, "renewalRule") : "none") as "none";
  return {
    title: text(fd, "title"), deliberationRef: text(fd, "deliberationRef"), signatoryBodyId: text(fd, "signatoryBodyId"), communeBodyId: opt(fd, "communeBodyId"),
    startDate: text(fd, "startDate"), endDate: opt(fd, "endDate"), renewalRule, renewalYears: int(fd, "renewalYears"), noticeMonths: int(fd, "noticeMonths") ?? 0,
  };
}

/** Runs a change, then goes to `target` (the convention page by default); errors come back to the form. */
async function run(fd: FormData, change: (caller: Awaited<ReturnType<typeof api>>) => Promise<string>, omit: string[] = []): Promise<FormState> {
  let target: string;
  try {
    target = await change(await api());
  } catch (e) {
    return toFormState(e, formValues(fd, omit));
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function saveConventionAction(id: string | null, _: FormState, fd: FormData) {
  return run(fd, async (c) => `/conventions/${(id ? await c.conventions.update({ id, convention: conventionFrom(fd) }) : await c.conventions.create(conventionFrom(fd))).id}`);
}

export async function setTermsAction(conventionId: string, versionId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    await c.conventions.setTerms({ versionId, serviceId: text(fd, "serviceId"), terms: termsFrom(fd) });
    return `/conventions/${conventionId}#v${versionId}`;
  });
}

export async function removeServiceAction(conventionId: string, versionId: string, serviceId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.conventions.removeService({ versionId, serviceId }), `/conventions/${conventionId}`));
}

export async function amendAction(conventionId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const v = await c.conventions.amend({ conventionId, effectiveFrom: text(fd, "effectiveFrom"), deliberationRef: text(fd, "amendDeliberationRef") || undefined, summary: text(fd, "summary") });
    return `/conventions/${conventionId}#v${v.id}`;
  });
}

export async function versionAction(conventionId: string, versionId: string, what: "sign" | "discard", _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    if (what === "sign") await c.conventions.signAmendment({ id: versionId });
    else await c.conventions.discardAmendment({ id: versionId });
    return `/conventions/${conventionId}`;
  });
}

export async function lifecycleAction(conventionId: string, what: "activate" | "giveNotice" | "terminate" | "renew", _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    if (what === "activate") await c.conventions.activate({ id: conventionId });
    if (what === "giveNotice") await c.conventions.giveNotice({ conventionId, noticeDate: text(fd, "noticeDate"), givenBy: text(fd, "givenBy") === "provider" ? "provider" : "partner", note: text(fd, "note") || undefined });
    if (what === "terminate") await c.conventions.terminate({ conventionId, terminatedOn: text(fd, "terminatedOn"), reason: text(fd, "reason") });
    if (what === "renew") await c.conventions.renew({ conventionId, newEndDate: text(fd, "newEndDate") });
    return `/conventions/${conventionId}`;
  });
}

export async function addDocumentAction(conventionId: string, _: FormState, fd: FormData) {
  const file = fd.get("file");
  return run(fd, async (c) => {
    if (!(file instanceof File) || file.size === 0) throw Object.assign(new Error("file required"), { issues: [{ path: ["file"], message: "required" }] });
    await c.conventions.addDocument({
      conventionId, versionId: opt(fd, "versionId"), label: text(fd, "label"), fileName: file.name.slice(0, 200),
      mimeType: file.type as "application/pdf", contentBase64: Buffer.from(await file.arrayBuffer()).toString("base64"),
    });
    return `/conventions/${conventionId}#documents`;
  }, ["file"]);
}

export async function removeDocumentAction(conventionId: string, documentId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.conventions.removeDocument({ id: documentId }), `/conventions/${conventionId}#documents`));
}

"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

function bodyFrom(fd: FormData) {
  const text = (k: string) => String(fd.get(k) ?? "").trim() || null;
  const num = (k: string) => (text(k) === null ? null : Number(text(k)!.replace(/\s/g, "")));
  return {
    legalName: String(fd.get("legalName") ?? ""),
    kind: String(fd.get("kind") ?? "commune") as "commune",
    siret: String(fd.get("siret") ?? ""),
    inseeCode: text("inseeCode"),
    population: num("population"),
    populationYear: num("populationYear"),
    communeId: text("communeId"),
    addressLine: text("addressLine"),
    postalCode: text("postalCode"),
    city: text("city"),
    dpoName: text("dpoName"),
    dpoEmail: text("dpoEmail"),
    status: (fd.get("status") === "former" ? "former" : "active") as "active",
  };
}

export async function saveBodyAction(id: string | null, _: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  let target: string;
  try {
    const caller = await api();
    const body = id
      ? await caller.bodies.update({ id, body: bodyFrom(fd) })
      : await caller.bodies.create(bodyFrom(fd));
    target = `/organismes/${body.id}`;
  } catch (e) {
    return toFormState(e, values);
  }
  revalidatePath("/organismes");
  redirect(target);
}

export async function importAction(_: FormState, fd: FormData): Promise<FormState> {
  const file = fd.get("file");
  if (!(file instanceof File) || file.size === 0)
    return toFormState(Object.assign(new Error(), { issues: [{ path: ["file"], message: "required" }] }), {});
  try {
    const report = await (await api()).bodies.importCsv({ content: await file.text() });
    return { ok: report.errors.length === 0, data: report };
  } catch (e) {
    return toFormState(e, {});
  }
}

"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { DomainError } from "@mutuo/core/errors";
import { formText, type Caller } from "../../server/form-action.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";
import { formValues, type FormState } from "../../lib/form-state.ts";

/** Runs a change; the data-migration errors get their own French message, the others the usual one. */
async function run(fd: FormData, change: (c: Caller) => Promise<string>): Promise<FormState> {
  let target: string;
  try {
    target = await change(await api());
  } catch (e) {
    const cause = e instanceof TRPCError ? e.cause : e;
    if (cause instanceof DomainError && cause.message.startsWith("migration_")) {
      const t = await getTranslations("migrations.errors");
      const key = t.has(cause.message) ? cause.message : "other";
      return { values: formValues(fd), message: t(key as "other", cause.params ?? {}) };
    }
    return toFormState(e, formValues(fd));
  }
  revalidatePath("/reprises", "layout");
  redirect(target);
}

export async function createJobAction(_: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const [serviceId, templateId] = formText(fd, "template").split(":");
    const flat = formText(fd, "flatPriceCents");
    const job = await c.migrations.create({
      bodyId: formText(fd, "bodyId"),
      serviceId: serviceId ?? "",
      templateId: templateId ?? "",
      title: formText(fd, "title"),
      ownerId: formText(fd, "ownerId"),
      dueOn: formText(fd, "dueOn") || null,
      billingMode: formText(fd, "billingMode") === "flat" ? "flat" : "rows",
      flatPriceCents: flat === "" ? null : Number(flat),
    });
    return `/reprises/${job.id}`;
  });
}

export async function saveMappingAction(id: string, columns: string[], _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const mapping: Record<string, string> = {};
    for (const col of columns) if (formText(fd, `map.${col}`)) mapping[col] = formText(fd, `map.${col}`);
    await c.migrations.setMapping({
      id,
      mapping,
      badRowPolicy: formText(fd, "badRowPolicy") === "load_valid" ? "load_valid" : "all_or_nothing",
      externalKey: formText(fd, "externalKey") || null,
    });
    if (formText(fd, "then") === "check") await c.migrations.check({ id });
    return `/reprises/${id}`;
  });
}

export async function saveAsTemplateAction(id: string, _: FormState, fd: FormData) {
  return run(
    fd,
    async (c) => (await c.migrations.saveAsTemplate({ id, name: formText(fd, "name") }), `/reprises/${id}`),
  );
}

export async function stepAction(
  id: string,
  step: "check" | "testLoad" | "signOff" | "load" | "complete",
  _: FormState,
  fd: FormData,
) {
  return run(fd, async (c) => (await c.migrations[step]({ id }), `/reprises/${id}`));
}

export async function cancelRunAction(id: string, runId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.migrations.cancelRun({ runId }), `/reprises/${id}`));
}

export async function closeAction(id: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const input = { id, reason: formText(fd, "reason") };
    if (formText(fd, "to") === "failed") await c.migrations.fail(input);
    else await c.migrations.cancel(input);
    return `/reprises/${id}`;
  });
}

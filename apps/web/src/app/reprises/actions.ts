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

/** Overrides the detected encoding or delimiter of the job's current file (the check reads it that way). */
export async function fileSettingsAction(id: string, fileId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const delimiter = formText(fd, "delimiter");
    const encoding = formText(fd, "encoding");
    await c.migrations.setFileSettings({
      fileId,
      delimiter: (delimiter === "tab" ? "\t" : delimiter) as ";",
      encoding: encoding as "utf-8",
    });
    return `/reprises/${id}`;
  });
}

/** The template form's rows: columns (a blank row is no column) and date-order rules. */
function templateFromForm(fd: FormData) {
  const columns: Record<string, unknown>[] = [];
  /** Form row of each column kept, to put an error back on the row it came from. */
  const rowOf: number[] = [];
  for (let i = 0; fd.has(`columns.${i}.name`); i++) {
    const f = (k: string) => formText(fd, `columns.${i}.${k}`);
    if (f("name").trim() === "" && f("label").trim() === "") continue;
    const maxLength = f("maxLength").trim();
    const values = f("values")
      .split(";")
      .map((v) => v.trim())
      .filter(Boolean);
    columns.push({
      name: f("name"),
      label: f("label"),
      type: f("type"),
      required: f("required") === "yes",
      unique: f("unique") === "yes" || undefined,
      maxLength: maxLength === "" ? undefined : Number(maxLength),
      values: values.length ? values : undefined,
    });
    rowOf.push(i);
  }
  const crossRules: { kind: "date_order"; from: string; to: string }[] = [];
  for (let i = 0; fd.has(`rules.${i}.from`); i++) {
    const from = formText(fd, `rules.${i}.from`);
    const to = formText(fd, `rules.${i}.to`);
    if (from || to) crossRules.push({ kind: "date_order", from, to });
  }
  return {
    rowOf,
    template: {
      serviceId: formText(fd, "serviceId"),
      name: formText(fd, "name"),
      encoding: (formText(fd, "encoding") || "utf-8") as "utf-8",
      delimiter: (formText(fd, "delimiter") === "tab" ? "\t" : formText(fd, "delimiter") || ";") as ";",
      columns: columns as never,
      crossRules,
    },
  };
}

/** Creates (id null) or updates a target template; an error on a column names its row. */
export async function saveTemplateAction(id: string | null, _: FormState, fd: FormData): Promise<FormState> {
  const { template, rowOf } = templateFromForm(fd);
  try {
    const c = await api();
    if (id) await c.migrations.updateTemplate({ id, template });
    else await c.migrations.createTemplate(template);
  } catch (e) {
    const cause = e instanceof TRPCError ? e.cause : e;
    if (cause instanceof DomainError && cause.message.startsWith("migration_")) {
      const t = await getTranslations("migrations.errors");
      const key = t.has(cause.message) ? cause.message : "other";
      const message = t(key as "other", cause.params ?? {});
      return {
        values: formValues(fd),
        message,
        fieldErrors: cause.field ? { [cause.field]: message } : undefined,
      };
    }
    const state = await toFormState(e, formValues(fd));
    const path = ((cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues?.[0]?.path ?? []).map(
      String,
    );
    const at = path.indexOf("columns");
    const n = at >= 0 ? Number(path[at + 1]) : NaN;
    const fieldErrors: Record<string, string> = {};
    for (const [k, v] of Object.entries(state.fieldErrors ?? {}))
      fieldErrors[k.replace(/^columns\.(\d+)/, (_m, d: string) => `columns.${rowOf[Number(d)] ?? d}`)] = v;
    if (Number.isInteger(n) && state.message) {
      const t = await getTranslations("migrations.templates");
      state.message = t("columnError", { n: (rowOf[n] ?? n) + 1, message: state.message });
    }
    return { ...state, fieldErrors };
  }
  revalidatePath("/reprises", "layout");
  redirect("/reprises/modeles");
}

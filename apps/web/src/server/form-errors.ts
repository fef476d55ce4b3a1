// The one place where errors become a message in the user's language, with the field named.
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { ZodError } from "zod";
import { DomainError } from "@mutuo/core/errors";
import type { FormState } from "../lib/form-state.ts";
import { currentActor } from "./session.ts";

type Issue = { path: PropertyKey[]; message: string };

export async function toFormState(error: unknown, values: Record<string, string>): Promise<FormState> {
  if (isRedirectError(error)) throw error;
  const t = await getTranslations();
  // "terms.targets.0.interventionMinutes" is named by its last word; "weekly.1.0.to" by "weekly".
  const fieldLabel = (f: string) => {
    const parts = f.split(".");
    const words = parts.filter((x) => !/^\d+$/.test(x));
    const candidates = [f, words.at(-1), ...words.slice(0, -1).reverse()].filter(Boolean) as string[];
    const hit =
      candidates.find((c) => !c.includes(".") && t.has(`fields.${c}`)) ??
      candidates.find((c) => t.has(`fields.${c}`));
    return hit ? t(`fields.${hit}`) : f;
  };
  const issueText = (i: Issue) =>
    t.has(`validation.${i.message}`) ? t(`validation.${i.message}`) : t("validation.invalid");
  const fromIssues = (issues: Issue[]): FormState => {
    const fieldErrors: Record<string, string> = {};
    for (const i of issues) {
      const path = i.path.map(String);
      // Every prefix gets the error too, so a field named "weekly.1" shows an error at "weekly.1.0.to".
      // Inputs wrapped by the procedure ({ id, calendar: {...} }) also match the form's own field names.
      for (const p of [path, path.slice(1)])
        for (let n = p.length; n >= 1; n--) fieldErrors[p.slice(0, n).join(".")] ??= issueText(i);
      if (path.length === 0) fieldErrors["_"] ??= issueText(i);
    }
    const first = issues[0]?.path.map(String).join(".") || "_";
    return { values, fieldErrors, message: t("errors.VALIDATION", { field: fieldLabel(first) }) };
  };
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) return fromIssues(cause.issues);
  const issues = (cause as { issues?: Issue[] } | undefined)?.issues;
  if (Array.isArray(issues)) return fromIssues(issues);
  if (cause instanceof DomainError) {
    const key = `errors.${cause.code}`;
    const field = cause.field;
    const code = cause.message.replace(/[^a-z]+/gi, "_");
    // Partners read « demande » where staff read « ticket »: their wording first when there is one.
    const partner = (await currentActor().catch(() => null))?.role === "agent";
    const domainKey = [...(partner ? [`domain.partner.${code}`] : []), `domain.${code}`].find((k) =>
      t.has(k),
    );
    const specific = domainKey ? t(domainKey, cause.params ?? {}) : null;
    const message = specific ?? t(key, { field: field ? fieldLabel(field) : "" });
    return { values, message, fieldErrors: field ? { [field]: specific ?? message } : undefined };
  }
  if (error instanceof TRPCError && error.code === "UNAUTHORIZED")
    return { values, message: t("errors.UNAUTHENTICATED") };
  if (error instanceof TRPCError && error.code === "FORBIDDEN")
    return { values, message: t("errors.FORBIDDEN") };
  console.error(error);
  return { values, message: t("errors.INTERNAL") };
}

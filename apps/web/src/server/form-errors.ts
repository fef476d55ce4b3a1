// The one place where errors become a message in the user's language, with the field named.
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { ZodError } from "zod";
import { DomainError } from "@mutuo/core/errors";
import type { FormState } from "../lib/form-state.ts";

type Issue = { path: PropertyKey[]; message: string };

export async function toFormState(error: unknown, values: Record<string, string>): Promise<FormState> {
  if (isRedirectError(error)) throw error;
  const t = await getTranslations();
  const fieldLabel = (f: string) => (t.has(`fields.${f}`) ? t(`fields.${f}`) : f);
  const issueText = (i: Issue) => (t.has(`validation.${i.message}`) ? t(`validation.${i.message}`) : t("validation.invalid"));
  const fromIssues = (issues: Issue[]): FormState => {
    const fieldErrors: Record<string, string> = {};
    for (const i of issues) fieldErrors[i.path.map(String).join(".") || "_"] ??= issueText(i);
    const first = Object.keys(fieldErrors)[0] ?? "_";
    return { values, fieldErrors, message: t("errors.VALIDATION", { field: fieldLabel(first) }) };
  };
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) return fromIssues(cause.issues);
  const issues = (cause as { issues?: Issue[] } | undefined)?.issues;
  if (Array.isArray(issues)) return fromIssues(issues);
  if (cause instanceof DomainError) {
    const key = `errors.${cause.code}`;
    const field = cause.field;
    const specific = t.has(`domain.${cause.message.replace(/[^a-z]+/gi, "_")}`) ? t(`domain.${cause.message.replace(/[^a-z]+/gi, "_")}`) : null;
    const message = specific ?? t(key, { field: field ? fieldLabel(field) : "" });
    return { values, message, fieldErrors: field ? { [field]: specific ?? message } : undefined };
  }
  if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return { values, message: t("errors.UNAUTHENTICATED") };
  if (error instanceof TRPCError && error.code === "FORBIDDEN") return { values, message: t("errors.FORBIDDEN") };
  console.error(error);
  return { values, message: t("errors.INTERNAL") };
}

// The one place where domain errors become tRPC/HTTP errors. The client shows
// `errors.<domainCode>` from its messages in the user's language, with the field named.
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { DomainError, type DomainErrorCode } from "@mutuo/core/errors";

const codes: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  VALIDATION: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
}

export interface ErrorData {
  domainCode: DomainErrorCode | null;
  field: string | null;
  params: Record<string, string | number> | null;
  /** zod issues of the input, by field path. */
  fieldErrors: Record<string, string[]> | null;
}

export function errorData(error: TRPCError): ErrorData {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return {
      domainCode: cause.code,
      field: cause.field ?? null,
      params: cause.params ?? null,
      fieldErrors: null,
    };
  }
  const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (error.code === "BAD_REQUEST" && Array.isArray(issues)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues)
      (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
    return {
      domainCode: "VALIDATION",
      field: Object.keys(fieldErrors)[0] ?? null,
      params: null,
      fieldErrors,
    };
  }
  return { domainCode: null, field: null, params: null, fieldErrors: null };
}

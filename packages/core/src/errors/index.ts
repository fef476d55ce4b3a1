// Typed domain errors. Services throw these; packages/api maps them to tRPC/HTTP codes and to a
// message key translated in the user's language (apps/web/messages/*.json, "errors.<code>").
export type DomainErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field at fault, when there is one (e.g. "siret"). */
  readonly field?: string;
  /** Values for the translated message (e.g. { max: 14 }). */
  readonly params?: Record<string, string | number>;

  constructor(
    code: DomainErrorCode,
    message: string,
    opts: { field?: string; params?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "DomainError";
    this.code = code;
    this.field = opts.field;
    this.params = opts.params;
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const forbidden = (why = "forbidden") => new DomainError("FORBIDDEN", why);
export const unauthenticated = () => new DomainError("UNAUTHENTICATED", "sign-in required");
export const invalid = (field: string, message: string, params?: Record<string, string | number>) =>
  new DomainError("VALIDATION", message, { field, params });
export const conflict = (message: string, field?: string) => new DomainError("CONFLICT", message, { field });

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export type MigrationErrorCode = "MODIFIED" | "MISSING" | "FAILED" | "PREVIOUSLY_FAILED";

/** A migration problem that stops the start-up, with a message saying what to do. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  readonly migration: string;

  constructor(code: MigrationErrorCode, migration: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
    this.code = code;
    this.migration = migration;
  }
}

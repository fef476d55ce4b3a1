export {
  applyMigrations,
  migrationStatus,
  MIGRATION_LOCK_KEY,
  type MigrateOptions,
  type MigrateResult,
  type MigrationStatus,
} from "./runner.ts";
export { MigrationError, type MigrationErrorCode } from "./errors.ts";
export { checksumOf, readMigrations, type MigrationFile } from "./files.ts";

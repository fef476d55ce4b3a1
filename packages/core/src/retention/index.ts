export {
  DEFAULT_DECLARANT_MONTHS,
  MAX_DECLARANT_MONTHS,
  MIN_DECLARANT_MONTHS,
  ANONYMISED_DECLARANT,
  MAX_PER_RUN,
  monthsBefore,
  nextRunAt,
  retentionCutoff,
} from "./rules.ts";
export { retentionSettingsInput, retentionPreviewInput } from "./schema.ts";
export type { RetentionSettingsInput, RetentionPreviewInput } from "./schema.ts";
export { readRetentionSettings, type RetentionSettings } from "./settings.ts";
export {
  anonymiseExpiredDeclarants,
  redactDeclarants,
  redactIncomingFrom,
  updateRetentionSettings,
  RETENTION_ACTOR,
  type RetentionRun,
  type RedactionResult,
} from "./service.ts";
export {
  getRetentionSettings,
  previewRetention,
  type RetentionPreview,
  type RetentionPreviewItem,
} from "./queries.ts";

export * from "./schema.ts";
export * from "./rules.ts";
export {
  createConvention,
  updateConvention,
  setVersionTerms,
  removeVersionService,
  amendConvention,
  signAmendment,
  discardAmendment,
} from "./service.ts";
export {
  activateConvention,
  giveNotice,
  terminateConvention,
  renewConvention,
  rollOverConventions,
} from "./lifecycle.ts";
export { addConventionDocument, removeConventionDocument, readConventionDocument } from "./documents.ts";
export { listConventions, getConvention, termsOn, conventionsNeedingAttention } from "./queries.ts";
export { resolveTerms, loadTermsIndex, pickTerms, type ResolvedTerms, type TermsIndex } from "./resolve.ts";
export { canManageConventions } from "./policy.ts";
export { localToday } from "./dates.ts";
export { rollOverConventionsJob } from "./jobs/roll-over.ts";
export { sendEndingAlerts } from "./alerts.ts";
export { conventionAlertsJob } from "./jobs/ending-alerts.ts";

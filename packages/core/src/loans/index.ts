export * from "./schema.ts";
export * from "./rules.ts";
export { createLoan, saveInventory, startService, startReturn, saveReturn, cancelLoan } from "./service.ts";
export { signOff, requestSignOffCode, signOffOnSite } from "./signoff.ts";
export { declareLoss, setClaimStatus, addLossFile, recordRemedy, MAX_PROOF_BYTES } from "./losses.ts";
export { reserveAsset, cancelReservation } from "./reservations.ts";
export { testTemplates, saveTestTemplate } from "./templates.ts";
export {
  listLoans,
  getLoan,
  loanCalendar,
  loanFormOptions,
  loansOfAsset,
  readLossFile,
} from "./queries.ts";
export { loanDocumentPdf } from "./pdf.ts";
export { canManageLoans } from "./policy.ts";
export { contentDigest } from "./content.ts";
export { sendLoanAlerts } from "./alerts.ts";
export { loanAlertsJob } from "./jobs/alerts.ts";

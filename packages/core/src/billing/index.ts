// @mutuo/core/billing — pricing grids, cost sharing, time spent and statements of sums due.
// The pure rules (splitByShares, applySubsidy, prorataDays, grids, brackets…) are documented in
// README.md; the rest reads and writes the database.
export * from "./rules.ts";
export * from "./schema.ts";
export {
  computeStatement,
  pricingPopulation,
  type StatementLine,
  type StatementSnapshot,
} from "./compute.ts";
export {
  createGrid,
  updateGrid,
  createNextGridVersion,
  isGridOverlap,
  createPlan,
  updatePlan,
  addBudgetCode,
  removeBudgetCode,
  setInvoicing,
  setInitialisationWaiver,
  logTime,
  logJobTime,
  removeTimeEntry,
  issueStatement,
  recordPayment,
  issueCreditNote,
} from "./service.ts";
export {
  listGrids,
  getGrid,
  listPlans,
  getPlan,
  draftStatement,
  listStatements,
  getStatement,
  yearView,
  timeEntriesOf,
  jobTimeEntries,
  listBudgetCodes,
  billableBodies,
} from "./queries.ts";
export { statementPdf, readStatementPdf, statementsCsv, statementsXlsx, financeCsv } from "./exports.ts";
export { canManageBilling } from "./policy.ts";
export { activityReaders } from "./sources.ts";

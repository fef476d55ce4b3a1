export { recordAudit, type AuditEntry } from "./service.ts";
export { diffFields } from "./diff.ts";
export {
  historyOf,
  searchAudit,
  exportAuditCsv,
  auditSearchInput,
  type AuditRow,
  type AuditSearchInput,
} from "./queries.ts";

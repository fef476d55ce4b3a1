export * from "../access/index.ts";
export * from "./schema.ts";
export { listBodies, countPartnerBodiesByKind, type BodyListItem } from "./queries.ts";
export { createBody, updateBody, getBody, listCommunes } from "./bodies.ts";
export { importBodiesCsv, CSV_COLUMNS, type ImportReport, type ImportRowError } from "./import-csv.ts";
export {
  invitePerson,
  resendInvitation,
  updatePerson,
  listPeople,
  getPerson,
  type Person,
} from "./people.ts";
export { exportPersonalData, anonymisePerson } from "./rgpd.ts";
export * from "./auth.ts";
export {
  verifySecondFactor,
  startTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  type TotpDeps,
} from "./totp.ts";
export {
  regenerateRecoveryCodes,
  resetSecondFactor,
  countRecoveryCodes,
  RECOVERY_CODE_COUNT,
} from "./recovery-codes.ts";
export { loadSecretKey } from "./secret-box.ts";
export { signInWithOidc, type OidcClaims } from "./oidc.ts";
export {
  resolveSession,
  createSession,
  revokeSession,
  revokeAllSessions,
  listSessions,
  setActiveBody,
  type SessionInfo,
} from "./sessions.ts";
export { isValidSiret, isValidInseeCode } from "./siret.ts";
export { currentTotp, verifyTotp, totpUri, totpStepAt } from "./credentials.ts";
export { actorByEmail } from "./lookup.ts";

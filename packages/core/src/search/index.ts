export * from "./schema.ts";
export {
  globalSearch,
  type GlobalSearchResult,
  type TicketHit,
  type BodyHit,
  type PersonHit,
  type ConventionHit,
} from "./queries.ts";
export { canSearchEverything } from "./policy.ts";
export { containsPattern } from "./rules.ts";

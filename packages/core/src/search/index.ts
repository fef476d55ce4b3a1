export * from "./schema.ts";
export {
  globalSearch,
  type GlobalSearchResult,
  type TicketHit,
  type BodyHit,
  type PersonHit,
  type ConventionHit,
  type AssetHit,
} from "./queries.ts";
export { canSearchEverything } from "./policy.ts";

export { seedDemoHistory, HISTORY_MARKER, type HistoryResult } from "./seed.ts";
export { planHistory, HISTORY_DAYS, type HistoryPlan } from "./history.ts";
export { seedDemoAssets, DEMO_ASSET_TAGS } from "./assets.ts";
export { seedDemoLoans, LOANS_MARKER } from "./loans.ts";

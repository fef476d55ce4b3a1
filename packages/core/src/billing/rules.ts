// The pure rules of billing (see README.md): money splitting, subsidies, prorata, grids, cost
// sharing and budget coding. No database, no I/O.
export * from "./rules-money.ts";
export * from "./rules-dates.ts";
export * from "./rules-grid.ts";
export * from "./rules-sharing.ts";
export * from "./rules-coding.ts";

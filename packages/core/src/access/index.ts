// Who is acting and what their role lets them reach: the primitives every domain checks.
export * from "./actor.ts";
export * from "./policy.ts";

export * from "./schema.ts";
export { replaceTermSet, copyTermSet, termSetInclude, termSetSnapshot } from "./service.ts";

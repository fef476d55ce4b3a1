export { listServices, countActiveServices, listServicesInput, getService } from "./queries.ts";
export { createService, updateService, setDefaultTerms } from "./service.ts";
export * from "./schema.ts";

export {
  listServices,
  countActiveServices,
  listServicesInput,
  getService,
  getServiceAlerts,
} from "./queries.ts";
export { createService, updateService, setDefaultTerms } from "./service.ts";
export * from "./schema.ts";

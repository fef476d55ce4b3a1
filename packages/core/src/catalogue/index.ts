export { listServices, countActiveServices, listServicesInput } from "./queries.ts";

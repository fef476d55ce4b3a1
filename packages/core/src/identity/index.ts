export { listBodies, countPartnerBodiesByKind, type BodyListItem } from "./queries.ts";
export { listBodiesInput, bodyKinds, type ListBodiesInput } from "./schema.ts";

export { renderPdf, providerIdentity, type DocumentSpec, type ProviderIdentity } from "./pdf.ts";
export {
  heading,
  paragraph,
  keyValues,
  table,
  validations,
  euros,
  type Cell,
  type Column,
  type Validation,
} from "./blocks.ts";
export { sha256Hex, canonicalJson } from "./digest.ts";
export { pdfText } from "./testing.ts";

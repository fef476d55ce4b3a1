export { localFileStore, type FileStore } from "./store.ts";
export { checkUpload, contentMatches, UPLOAD_TYPES } from "./check.ts";

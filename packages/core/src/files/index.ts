export { localFileStore, FileTooLargeError, type FileStore, type StreamingFileStore } from "./store.ts";
export { checkUpload, contentMatches, UPLOAD_TYPES } from "./check.ts";

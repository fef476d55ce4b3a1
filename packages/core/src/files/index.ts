export { localFileStore, FileTooLargeError, type FileStore, type StreamingFileStore } from "./store.ts";
export {
  checkUpload,
  contentMatches,
  openDocumentHead,
  typeByExtension,
  SLIDE_TYPES,
  UPLOAD_TYPES,
} from "./check.ts";
export { readHead } from "./store.ts";

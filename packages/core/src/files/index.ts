export { localFileStore, type FileStore } from "./store.ts";

// Runs a TypeScript file of the repository: `node scripts/run.mjs <file.ts> [args…]`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bootstrap, root } from "./bootstrap.mjs";

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/run.mjs <file.ts> [args…]");
  process.exit(2);
}
await bootstrap();
process.argv = [process.argv[0], path.resolve(root, file), ...args];
await import(pathToFileURL(path.resolve(root, file)).href);

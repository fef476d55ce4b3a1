// The app under test for Playwright: a fresh data folder each run, then the normal `npm start`.
import fs from "node:fs";
import path from "node:path";
import { root } from "./bootstrap.mjs";

fs.rmSync(path.resolve(root, process.env.MUTUO_DATA_DIR ?? ".mutuo/e2e"), { recursive: true, force: true });
if (process.env.MUTUO_E2E_CLOCK_FILE)
  for (const suffix of ["", ".run", ".run.done"])
    fs.rmSync(`${process.env.MUTUO_E2E_CLOCK_FILE}${suffix}`, { force: true });
await import("./start.mjs");

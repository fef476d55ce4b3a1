// The clock of the services. Real time, except when the end-to-end tests move it forward or back
// (MUTUO_E2E_CLOCK_FILE holds an offset in ms) to check deadlines that span days.
import fs from "node:fs";
import { env } from "../env.ts";

export function now(): Date {
  const file = env().e2eClockFile;
  if (!file) return new Date();
  try {
    return new Date(Date.now() + (Number(fs.readFileSync(file, "utf8").trim()) || 0));
  } catch {
    return new Date();
  }
}

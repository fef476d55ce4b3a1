// The clock of the services. Real time, except under the end-to-end tests, which may freeze it at
// an instant (MUTUO_E2E_CLOCK_FILE holds an ISO instant) to check deadlines that span days.
import fs from "node:fs";
import { env } from "../env.ts";

export function now(): Date {
  const file = env().e2eClockFile;
  if (!file) return new Date();
  try {
    const frozen = new Date(fs.readFileSync(file, "utf8").trim());
    return Number.isNaN(frozen.getTime()) ? new Date() : frozen;
  } catch {
    return new Date();
  }
}

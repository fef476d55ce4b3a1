// The clock of the services and jobs. Real time, except under the end-to-end tests, which may freeze
// it at an instant (a file holding an ISO instant, MUTUO_E2E_CLOCK_FILE) to check deadlines that
// span days. Web and worker read the same file, so both see the same time.
import fs from "node:fs";

export function clockFrom(file: string | null | undefined): () => Date {
  if (!file) return () => new Date();
  return () => {
    try {
      const frozen = new Date(fs.readFileSync(file, "utf8").trim());
      return Number.isNaN(frozen.getTime()) ? new Date() : frozen;
    } catch {
      return new Date();
    }
  };
}

import type { JobLogger } from "@mutuo/core/jobs";

/** One-line logs: `[worker] message {fields}` on stdout/stderr. */
export function createLogger(scope: string): JobLogger {
  const fmt = (message: string, fields?: Record<string, unknown>) =>
    `[${scope}] ${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ""}`;
  return {
    info: (m, f) => console.log(fmt(m, f)),
    error: (m, f) => console.error(fmt(m, f)),
  };
}

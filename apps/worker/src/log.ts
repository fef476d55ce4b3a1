import type { JobLogger } from "@mutuo/core/jobs";

/** One-line logs: `message {fields}` on stdout/stderr (the supervisor prefixes them with `[worker]`). */
export function createLogger(): JobLogger {
  const fmt = (message: string, fields?: Record<string, unknown>) =>
    `${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ""}`;
  return {
    info: (m, f) => console.log(fmt(m, f)),
    error: (m, f) => console.error(fmt(m, f)),
  };
}

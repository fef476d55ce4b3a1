// The app's side of the Server-Timing header (see apps/web/server-timing.mjs): measures a step of
// the current request into the store the preload opened for it. Outside a request (tests, build),
// it only runs the step.
import type { AsyncLocalStorage } from "node:async_hooks";

type Timing = { session: number; inSession: number };
const KEY = Symbol.for("mutuo.serverTiming");

function store(): Timing | undefined {
  const als = (globalThis as Record<symbol, AsyncLocalStorage<Timing> | undefined>)[KEY];
  return als?.getStore();
}

/** Times the session lookup (its queries count here, not under `db`). */
export async function timeSession<T>(step: () => Promise<T>): Promise<T> {
  const t = store();
  if (!t) return step();
  const t0 = performance.now();
  t.inSession++;
  try {
    return await step();
  } finally {
    t.inSession--;
    t.session += performance.now() - t0;
  }
}

// Preloaded into the web server with peer-address.mjs: every response carries a `Server-Timing`
// header telling where its time went, for the bench and for a browser's devtools:
//   session — resolving the session cookie (its own queries included);
//   db      — the other database queries (summed; overlapping queries each count), and how many;
//   render  — the rest until the headers left: Next.js, React rendering, serialisation;
//   total   — from the request's arrival to its headers.
// The per-request store lives in an AsyncLocalStorage shared through a global symbol, so the app
// (bundled by Next.js) and this preload (plain Node) see the same one.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { createRequire } from "node:module";

const KEY = Symbol.for("mutuo.serverTiming");
const als = (globalThis[KEY] ??= new AsyncLocalStorage());

function format(t, now) {
  const total = now - t.start;
  const render = Math.max(0, total - t.session - t.db);
  const f = (n) => n.toFixed(1);
  return [
    `session;dur=${f(t.session)}`,
    `db;dur=${f(t.db)};desc="${t.queries} queries"`,
    `render;dur=${f(render)}`,
    `total;dur=${f(total)}`,
  ].join(", ");
}

/** Runs a request listener inside a timing store and stamps the header when the head is written. */
export function timed(listener) {
  return function withTiming(req, res) {
    const t = { start: performance.now(), session: 0, db: 0, queries: 0, inSession: 0 };
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      if (!res.headersSent) {
        try {
          res.setHeader("Server-Timing", format(t, performance.now()));
        } catch {
          // Headers given as an array to writeHead itself: nothing to add to.
        }
      }
      return writeHead.apply(this, args);
    };
    return als.run(t, () => listener.call(this, req, res));
  };
}

// Every query through `pg` (Prisma's driver adapter and the raw reads) is timed.
try {
  const require = createRequire(import.meta.url);
  const pg = require("pg");
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (...args) {
    const t = als.getStore();
    if (!t) return query.apply(this, args);
    const t0 = performance.now();
    const done = () => {
      if (t.inSession > 0) return;
      t.db += performance.now() - t0;
      t.queries++;
    };
    // pg.Pool#query calls its client with a callback; direct callers get a promise.
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = function (...results) {
        done();
        return callback.apply(this, results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === "function") result.then(done, done);
    return result;
  };
} catch {
  // No pg here (a test of the preload alone): database time is not measured.
}

const createServer = http.createServer;
http.createServer = function (...args) {
  const i = args.findIndex((a) => typeof a === "function");
  if (i >= 0) args[i] = timed(args[i]);
  return createServer.apply(this, args);
};

// What the benchmarks share: command-line arguments, percentiles, and the PostgreSQL they run on
// (BENCH_DATABASE_URL, else an embedded one of their own under .mutuo/bench-pg).
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@mutuo/db/embedded";

export const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

export const round = (x: number) => Math.round(x * 100) / 100;

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export async function benchPostgres(
  root: string,
): Promise<{ adminUrl: string; embedded?: EmbeddedPostgres }> {
  if (process.env.BENCH_DATABASE_URL) return { adminUrl: process.env.BENCH_DATABASE_URL };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, ".mutuo", "bench-pg") });
  return { adminUrl: embedded.urlFor("postgres"), embedded };
}

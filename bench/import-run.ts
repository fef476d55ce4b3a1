// The worker's side of `npm run bench:import`: one run (check or test load) executed by the worker's
// own code (executeRun) in a process of its own, as the worker does, sampling that process's memory.
// Bundled by bench/import.ts and run as `node .mutuo/bench-import-run.mjs <database url> <files dir> <run id>`,
// it prints one JSON line:
// { seconds, cpuSeconds, peakRssMb, baselineRssMb, result }.
import { createPrismaClient } from "@mutuo/db";
import { localFileStore } from "@mutuo/core/files";
import { executeRun } from "@mutuo/core/migrations";

const [url, filesDir, runId] = process.argv.slice(2);
if (!url || !filesDir || !runId) throw new Error("usage: import-run.ts <database url> <files dir> <run id>");

const db = createPrismaClient(url, { max: 2 });
await db.$queryRawUnsafe("SELECT 1"); // connected, modules loaded: what the worker holds before any run
const baseline = process.memoryUsage.rss();
let peak = baseline;
let atPeak = process.memoryUsage();
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) {
    peak = rss;
    atPeak = process.memoryUsage();
  }
};
const timer = setInterval(sample, 50);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = await executeRun({ db, files: localFileStore(filesDir), now: () => new Date() }, runId);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(timer);
sample();
await db.$disconnect();
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: Math.round(peak / 1024 / 1024),
    baselineRssMb: Math.round(baseline / 1024 / 1024),
    // At the peak: V8's heap (allocated, and used) and memory outside it (buffers, WebAssembly).
    peakHeapTotalMb: Math.round(atPeak.heapTotal / 1024 / 1024),
    peakHeapUsedMb: Math.round(atPeak.heapUsed / 1024 / 1024),
    peakExternalMb: Math.round(atPeak.external / 1024 / 1024),
    result,
  }),
);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { defineJob, registerJob, type Mailer } from "@mutuo/core/jobs";
import { startWorker, type RunningWorker } from "./worker.ts";

const silent = { info: () => {}, error: () => {} };
const sent: unknown[] = [];
const mailer: Mailer = { send: async (m) => void sent.push(m) };

describe("worker", () => {
  let tdb: TestDatabase;
  let worker: RunningWorker | undefined;
  const seen: string[] = [];
  const echo = defineJob({
    name: "test.echo",
    schema: z.object({ word: z.string() }),
    retryLimit: 0,
    async handler(data, ctx) {
      seen.push(data.word);
      await ctx.mailer.send({ to: "agent@example.test", subject: data.word, text: data.word });
    },
  });

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await worker?.stop();
    await tdb.drop();
  });

  it("runs registered jobs, validates payloads, keeps a heartbeat and removes it on stop", async () => {
    worker = await startWorker({
      connectionString: tdb.url,
      db: tdb.prisma(),
      mailer,
      log: silent,
      concurrency: 1,
      jobs: [registerJob(echo)],
    });
    const beats = await tdb.prisma().workerHeartbeat.findMany();
    expect(beats.map((b) => b.id)).toEqual([worker.id]);

    await worker.boss.send("test.echo", { word: "bonjour" });
    const badId = await worker.boss.send("test.echo", { word: 42 });
    await expect.poll(() => seen, { timeout: 15_000, interval: 200 }).toEqual(["bonjour"]);
    expect(sent).toHaveLength(1);
    await expect
      .poll(async () => (await worker!.boss.findJobs("test.echo", { id: badId! }))[0]?.state, {
        timeout: 15_000,
        interval: 200,
      })
      .toBe("failed");

    await worker.stop();
    expect(await tdb.prisma().workerHeartbeat.count()).toBe(0);
  });

  it("runs the jobs an end-to-end test asks for at once, with their scheduled payload, once per request", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-run-request-"));
    const file = path.join(dir, "clock.run");
    const ask = (token: string, jobs: string[]) => {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ token, jobs }));
      fs.renameSync(`${file}.tmp`, file);
    };
    const done = () => (fs.existsSync(`${file}.done`) ? fs.readFileSync(`${file}.done`, "utf8") : "");
    seen.length = 0;
    const scheduled = registerJob({ ...echo, schedule: { cron: "0 3 * * *", data: { word: "planifié" } } });
    worker = await startWorker({
      connectionString: tdb.url,
      db: tdb.prisma(),
      mailer,
      log: silent,
      concurrency: 1,
      jobs: [scheduled],
      scheduleData: { "test.echo": { word: "configuré" } },
      runRequestFile: file,
    });
    try {
      ask("a", ["test.echo", "test.unknown"]);
      await expect.poll(done, { timeout: 10_000, interval: 100 }).toBe("a");
      expect(seen).toEqual(["configuré"]);
      // The same request again (an unchanged token) runs nothing; a new one runs again.
      ask("a", ["test.echo"]);
      ask("b", ["test.echo"]);
      await expect.poll(done, { timeout: 10_000, interval: 100 }).toBe("b");
      expect(seen).toEqual(["configuré", "configuré"]);
    } finally {
      await worker.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

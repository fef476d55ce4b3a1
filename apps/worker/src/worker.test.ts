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
});

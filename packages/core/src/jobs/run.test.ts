import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@mutuo/db";
import { defineJob, type JobContext } from "./define.ts";
import { InvalidJobPayloadError, registerJob } from "./run.ts";

const ctx: JobContext = {
  db: {} as Db,
  mailer: { send: async () => {} },
  log: { info: () => {}, error: () => {} },
  now: () => new Date("2026-01-05T08:00:00Z"),
};

describe("job runner", () => {
  const seen: number[] = [];
  const job = registerJob(
    defineJob({
      name: "test.double",
      schema: z.object({ n: z.number().int() }),
      handler: async ({ n }) => void seen.push(n * 2),
    }),
  );

  it("validates the payload before running the handler", async () => {
    await job.run({ n: 21 }, ctx);
    expect(seen).toEqual([42]);
    await expect(job.run({ n: "21" }, ctx)).rejects.toBeInstanceOf(InvalidJobPayloadError);
    await expect(job.run(undefined, ctx)).rejects.toThrow(/test.double/);
    expect(seen).toEqual([42]);
  });
});

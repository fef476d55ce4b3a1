import type { JobContext, JobDefinition } from "./define.ts";

export class InvalidJobPayloadError extends Error {
  constructor(job: string, issues: string) {
    super(`invalid payload for job ${job}: ${issues}`);
    this.name = "InvalidJobPayloadError";
  }
}

/** Validates the payload and runs the handler; used by the worker and by tests alike. */
export async function runJob<T>(
  definition: JobDefinition<T>,
  payload: unknown,
  ctx: JobContext,
): Promise<void> {
  const parsed = definition.schema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidJobPayloadError(definition.name, parsed.error.message);
  await definition.handler(parsed.data, ctx);
}

/** A job definition with its payload type erased, as the worker sees it. */
export interface RegisteredJob {
  name: string;
  schedule?: { cron: string; tz?: string; data?: unknown };
  retryLimit?: number;
  expireInSeconds?: number;
  run(payload: unknown, ctx: JobContext): Promise<void>;
}

export function registerJob<T>(definition: JobDefinition<T>): RegisteredJob {
  const { name, schedule, retryLimit, expireInSeconds } = definition;
  return {
    name,
    schedule,
    retryLimit,
    expireInSeconds,
    run: (payload, ctx) => runJob(definition, payload, ctx),
  };
}

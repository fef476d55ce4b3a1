import type { DbTx } from "@mutuo/db";

/** Next value of a named counter, atomically (a row lock serialises concurrent callers). */
export async function nextCounter(tx: DbTx, key: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`;
  return rows[0]!.value;
}

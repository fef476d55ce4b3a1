// Test helpers: an API caller acting as a given person, on a test database.
import type { Db } from "@mutuo/db";
import { createSession, resolveSession } from "@mutuo/core/identity";
import { localFileStore } from "@mutuo/core/files";
import os from "node:os";
import path from "node:path";
import { createCaller } from "./root.ts";

export async function callerFor(db: Db, url: string, email: string | null) {
  let session = null;
  if (email) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const { token } = await createSession(db, user.id, { mfaVerified: true });
    session = await resolveSession(db, token);
  }
  return createCaller({
    db,
    session,
    files: localFileStore(path.join(os.tmpdir(), `mutuo-api-files-${process.pid}`)),
    baseUrl: "http://mutuo.test",
    system: { connectionString: url, migrationsDir: "/nonexistent" },
  });
}

// Killing the worker (SIGKILL) in the middle of a batch loses nothing and duplicates nothing: real
// worker processes deliver the outbox to a real SMTP server, which kills the first two of them while
// receiving a message (before accepting it).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { enqueueMail } from "@mutuo/core/notifications";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const TOTAL = 60;

describe("outbox delivery under SIGKILL", () => {
  let tdb: TestDatabase;
  let server: SMTPServer;
  let port = 0;
  let dataDir = "";
  const received: string[] = [];
  const kills = [20, 40]; // accepted-message counts at which the current worker is killed
  let current: ChildProcess | null = null;
  const killed: number[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "mutuo-sigkill-"));
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          if (kills.length && received.length === kills[0] && current?.pid) {
            kills.shift();
            killed.push(current.pid);
            current.kill("SIGKILL"); // mid-batch, before this message is accepted
            return;
          }
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "?";
          received.push(id);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as { port: number }).port;
    await tdb.prisma().$transaction(async (tx) => {
      for (let i = 1; i <= TOTAL; i++) {
        await enqueueMail(tx, {
          dedupKey: `sigkill:${i}`,
          template: "ticket.received",
          to: `agent${i}@example.test`,
          data: { number: `SOS-2026-${String(i).padStart(6, "0")}`, subject: `Demande ${i}`, path: "/" },
        });
      }
    });
  }, 60_000);

  afterAll(async () => {
    current?.kill("SIGKILL");
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await tdb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  function startWorkerProcess(): ChildProcess {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(root, "apps", "worker", "src", "main.ts")],
      {
        cwd: root,
        stdio: "ignore",
        env: {
          ...process.env,
          DATABASE_URL: tdb.url,
          SMTP_URL: `smtp://127.0.0.1:${port}`,
          MUTUO_DATA_DIR: dataDir,
          MUTUO_MIGRATIONS_DIR: path.join(root, "prisma", "migrations"),
          OUTBOX_LEASE_SECONDS: "2",
          WORKER_CONCURRENCY: "1",
        },
      },
    );
    current = child;
    return child;
  }

  const exited = (c: ChildProcess) =>
    new Promise<void>((resolve) =>
      c.exitCode !== null || c.signalCode ? resolve() : c.once("exit", () => resolve()),
    );

  it("delivers every message exactly once across two killed workers", async () => {
    const db = tdb.prisma();
    const first = startWorkerProcess();
    await exited(first);
    expect(first.signalCode).toBe("SIGKILL");
    const second = startWorkerProcess();
    await exited(second);
    expect(second.signalCode).toBe("SIGKILL");
    const third = startWorkerProcess();
    const until = Date.now() + 90_000;
    while ((await db.outboxMessage.count({ where: { status: "sent" } })) < TOTAL && Date.now() < until)
      await new Promise((r) => setTimeout(r, 250));
    third.kill("SIGTERM");
    await exited(third);

    expect(killed).toHaveLength(2);
    const expected = (await db.outboxMessage.findMany({ select: { messageId: true } }))
      .map((m) => m.messageId)
      .sort();
    expect(await db.outboxMessage.count({ where: { status: "sent" } })).toBe(TOTAL); // nothing lost
    expect(received).toHaveLength(TOTAL); // nothing duplicated
    expect([...received].sort()).toEqual(expected);
  }, 150_000);
});

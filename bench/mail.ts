// `npm run bench:mail -- --messages 1000`: the e-mail paths on a database of their own.
// 1. incoming: partner agents' e-mails that open tickets (receiveMail, as the IMAP loop calls it);
// 2. outgoing: the outbox those tickets filled, rendered (text + MJML HTML) and delivered over SMTP
//    to a local server, by one lane then by two lanes at once (two workers);
// 3. incoming: replies to the acknowledgements (threaded by In-Reply-To), then strangers' e-mails
//    (quarantine).
// Reports per-message p50/p95 and messages per second; writes bench/results/mail.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { createPrismaClient, type Db } from "@mutuo/db";
import { applyMigrations } from "@mutuo/db/migrate";
import { seedDemo } from "@mutuo/db/seed";
import { createMailSender } from "@mutuo/email";
import { renderHtml } from "@mutuo/email/html";
import { localFileStore } from "@mutuo/core/files";
import { deliverBatch } from "@mutuo/core/notifications";
import { receiveMail } from "@mutuo/core/incoming";
import { arg, benchPostgres, pct, round } from "./common.ts";

const root = process.cwd();
const N = Number(arg("messages", "1000"));
if (!Number.isInteger(N) || N < 100) throw new Error("--messages: an integer ≥ 100");
const log = (m: string) => console.log(m);
const own = ["mutuo@val-orlene.example"];

const mime = (from: string, subject: string, id: string, text: string, extra: string[] = []) =>
  Buffer.from(
    [
      `From: ${from}`,
      "To: support@val-orlene.example",
      `Subject: ${subject}`,
      `Message-ID: ${id}`,
      ...extra,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      text,
      "",
    ].join("\r\n"),
  );

interface Row {
  name: string;
  messages: number;
  p50_ms: number | null;
  p95_ms: number | null;
  per_s: number;
}
const rows: Row[] = [];

async function receiveAll(db: Db, name: string, raws: Buffer[], expect: string) {
  const files = localFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-bench-files-")));
  const times: number[] = [];
  const t0 = performance.now();
  for (const raw of raws) {
    const s = performance.now();
    const r = await receiveMail(db, files, raw, { arrivedAt: new Date(), ownAddresses: own });
    times.push(performance.now() - s);
    if (r.status !== expect) throw new Error(`${name}: ${r.status} (${r.reason ?? ""}) instead of ${expect}`);
  }
  record(name, raws.length, times, performance.now() - t0);
}

function record(name: string, messages: number, times: number[] | null, totalMs: number) {
  const row = {
    name,
    messages,
    p50_ms: times ? round(pct(times, 50)) : null,
    p95_ms: times ? round(pct(times, 95)) : null,
    per_s: Math.round(messages / (totalMs / 1000)),
  };
  rows.push(row);
  log(
    `  ${name.padEnd(30)} ${String(messages).padStart(6)} messages  ${row.per_s} /s${times ? `  p50 ${row.p50_ms} ms  p95 ${row.p95_ms} ms` : ""}`,
  );
}

async function deliverAll(db: Db, port: number, lanes: number, received: { n: number }) {
  const mailer = createMailSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: own[0]! });
  const before = received.n;
  const t0 = performance.now();
  const lane = async () => {
    for (;;) {
      const r = await deliverBatch(db, mailer, "http://localhost:3000", new Date(), {
        limit: 20,
        html: (c, locale) => renderHtml(c, { locale, providerName: "Métropole du Val d'Orlène" }),
      });
      if (r.sent + r.retried + r.failed === 0) return;
      if (r.retried || r.failed) throw new Error(`delivery failed: ${JSON.stringify(r)}`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  mailer.close?.();
  return { sent: received.n - before, ms: performance.now() - t0 };
}

async function main() {
  const { adminUrl, embedded } = await benchPostgres(root);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "mutuo_bench_mail" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "mutuo_bench_mail"`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, "/mutuo_bench_mail$1");
  await applyMigrations({ connectionString: url, migrationsDir: path.join(root, "prisma", "migrations") });
  const db = createPrismaClient(url, { max: 4 });
  await seedDemo(db);

  const received = { n: 0, ids: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _s, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.n++;
        received.ids.add(
          /^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "?",
        );
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.server.address() as { port: number }).port;
  try {
    const half = Math.floor(N / 2);
    log(`E-mails (${N} messages, base mutuo_bench_mail) :`);
    const stamp = Date.now();
    await receiveAll(
      db,
      "incoming_new_ticket",
      Array.from({ length: half }, (_, i) =>
        mime(
          "Marc Delorme <agent@bellerive.example>",
          `Poste ${i} : session impossible`,
          `<bench-new-${stamp}-${i}@bellerive.example>`,
          `Bonjour,\nle poste ${i} de l'accueil refuse la session depuis ce matin.\nMarc`,
        ),
      ),
      "ticket",
    );

    // Deliver half of the outbox with one lane, the rest with two.
    const pending = await db.outboxMessage.count({ where: { status: "pending" } });
    const ids = (
      await db.outboxMessage.findMany({
        where: { status: "pending" },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      })
    ).map((m) => m.id);
    await db.outboxMessage.updateMany({
      where: { id: { in: ids.slice(Math.floor(ids.length / 2)) } },
      data: { status: "failed" },
    });
    const one = await deliverAll(db, port, 1, received);
    record("outgoing_smtp_1_lane", one.sent, null, one.ms);
    await db.outboxMessage.updateMany({ where: { status: "failed" }, data: { status: "pending" } });
    const two = await deliverAll(db, port, 2, received);
    record("outgoing_smtp_2_lanes", two.sent, null, two.ms);
    if (received.n !== pending || received.ids.size !== pending)
      throw new Error(`outbox: ${pending} pending, ${received.n} received, ${received.ids.size} distinct`);

    const acks = await db.outboxMessage.findMany({
      where: { template: "ticket.received" },
      select: { messageId: true, data: true },
      take: half,
    });
    await receiveAll(
      db,
      "incoming_reply",
      acks.map((a, i) =>
        mime(
          "Marc Delorme <agent@bellerive.example>",
          `Re: [${(a.data as { number: string }).number}] Demande reçue`,
          `<bench-reply-${stamp}-${i}@bellerive.example>`,
          `C'est reparti après redémarrage, merci.\n\nLe lundi, Mutuo a écrit :\n> Demande reçue`,
          [`In-Reply-To: ${a.messageId}`],
        ),
      ),
      "reply",
    );
    await receiveAll(
      db,
      "incoming_quarantine",
      Array.from({ length: N - half }, (_, i) =>
        mime(
          `Inconnu ${i} <inconnu${i}@ailleurs.example>`,
          `Question ${i}`,
          `<bench-q-${stamp}-${i}@ailleurs.example>`,
          "Bonjour, pouvez-vous nous aider ?",
        ),
      ),
      "quarantined",
    );

    const result = { messages: N, rows, measured_at: new Date().toISOString(), cpus: os.cpus().length };
    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "bench", "results", "mail.json"),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.table(rows);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

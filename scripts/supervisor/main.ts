// The supervisor behind `npm start`: one process owning the embedded PostgreSQL (unless
// DATABASE_URL is set), the migrations, the demo seed, the build, the web and worker processes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@mutuo/db";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "@mutuo/db/embedded";
import { applyMigrations } from "@mutuo/db/migrate";
import { DEMO_PASSWORD, demoUsers, seedDemo } from "@mutuo/db/seed";
import { seedDemoHistory } from "@mutuo/core/demo";
import { seedMigrationDemo } from "@mutuo/core/migrations";
import { localFileStore } from "@mutuo/core/files";
import { loadSupervisorEnv } from "./env.ts";
import { RunFile, startChild, stopChild, type Child } from "./processes.ts";
import { waitForHttp, assertPortFree } from "./net.ts";

const root = process.cwd();
const t0 = Date.now();
const step = (m: string) => console.log(`• ${m}`);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const env = loadSupervisorEnv(root);
fs.mkdirSync(env.dataDir, { recursive: true });
const runFile = new RunFile(env.dataDir);
const children: Child[] = [];
let pg: EmbeddedPostgres | undefined;
let shuttingDown: Promise<void> | undefined;

function shutdown(reason: string, code: number): Promise<void> {
  shuttingDown ??= (async () => {
    console.log(`\n• Arrêt de Mutuo (${reason})…`);
    await Promise.all(children.map((c) => stopChild(c)));
    if (pg) {
      await pg.stop();
      step("PostgreSQL arrêté");
    }
    runFile.release();
    console.log("• Mutuo est arrêté.");
    process.exit(code);
  })();
  return shuttingDown;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => void shutdown(signal, 0));
// If whoever started us goes away without passing the signal on (a shell between npm and us),
// stop too rather than leave the database and servers running unattended.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown("processus parent disparu", 0);
}, 1000).unref();

async function main() {
  await runFile.claim();
  await assertPortFree(env.port);

  let databaseUrl = env.databaseUrl;
  if (databaseUrl) {
    step("Base de données : serveur PostgreSQL (DATABASE_URL)");
  } else {
    pg = await startEmbeddedPostgres({ dataDir: path.join(env.dataDir, "pg"), log: (m) => step(m) });
    await ensureDatabase(pg.adminUrl, "mutuo");
    databaseUrl = pg.urlFor("mutuo");
    step(
      `PostgreSQL embarqué démarré (port ${pg.port}, données dans ${path.relative(root, env.dataDir) || "."}/pg)`,
    );
  }

  const migrated = await applyMigrations({
    connectionString: databaseUrl,
    migrationsDir: path.join(root, "prisma", "migrations"),
  });
  step(migrated.applied.length ? `Migrations appliquées : ${migrated.applied.join(", ")}` : "Schéma à jour");

  if (env.seedDemo) {
    const db = createPrismaClient(databaseUrl, { max: 2 });
    try {
      if (await seedDemo(db)) step("Données de démonstration créées");
      const files = localFileStore(path.join(env.dataDir, "files"));
      const history = await seedDemoHistory(db, files, { baseUrl: env.baseUrl });
      if (history.seeded)
        step(
          `Historique de démonstration : ${history.tickets} tickets sur 18 mois (${(history.ms / 1000).toFixed(1)} s ; rapports envoyés : ${((history.reportsMs ?? 0) / 1000).toFixed(1)} s)`,
        );
      if (await seedMigrationDemo(db, files)) step("Reprises de données de démonstration créées");
    } finally {
      await db.$disconnect();
    }
  }

  if (!env.skipBuild) {
    step("Construction de ce qui a changé (turbo)…");
    const turbo = path.join(root, "node_modules", "turbo", "bin", "turbo");
    const r = spawnSync(
      process.execPath,
      [
        turbo,
        "run",
        "build",
        "--filter=@mutuo/web",
        "--filter=@mutuo/worker",
        "--output-logs=errors-only",
        "--log-prefix=none",
      ],
      {
        cwd: root,
        stdio: "inherit",
      },
    );
    if (r.status !== 0) throw new Error("la construction a échoué (voir ci-dessus)");
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(env.port),
    MUTUO_BASE_URL: env.baseUrl,
    MUTUO_DATA_DIR: env.dataDir,
    MUTUO_MIGRATIONS_DIR: path.join(root, "prisma", "migrations"),
  };
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const web = startChild(
    "web",
    process.execPath,
    // The preload stamps each request with its socket's address (see apps/web/peer-address.mjs).
    [
      "--import",
      "./peer-address.mjs",
      "--import",
      "./server-timing.mjs",
      nextBin,
      "start",
      "-p",
      String(env.port),
      "-H",
      env.hostname,
    ],
    {
      cwd: path.join(root, "apps", "web"),
      env: childEnv,
    },
  );
  const worker = startChild(
    "worker",
    process.execPath,
    ["--enable-source-maps", path.join(root, "apps", "worker", "dist", "main.mjs")],
    {
      cwd: root,
      env: childEnv,
    },
  );
  for (const child of [web, worker]) {
    children.push(child);
    runFile.add(child.name, child.proc.pid!, child.name === "web" ? "next" : "main.mjs");
    void child.exited.then((code) => {
      if (!shuttingDown) {
        console.error(`✖ Le processus ${child.name} s'est arrêté (code ${code}).`);
        void shutdown(`${child.name} arrêté`, 1);
      }
    });
  }

  await waitForHttp(`http://127.0.0.1:${env.port}/api/health`, 120_000);
  console.log(`\n✔ Mutuo est prêt en ${elapsed()} : ${env.baseUrl}`);
  if (env.seedDemo) {
    console.log(
      `  Comptes de démonstration (fictifs), mot de passe « ${DEMO_PASSWORD} » (l'administrateur active sa double authentification à la première connexion) :`,
    );
    for (const u of demoUsers) console.log(`    ${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.name}`);
  }
  console.log("  Ctrl-C pour arrêter.\n");
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  void shutdown("erreur", 1);
});

// Plain-JavaScript bootstrap shared by `npm start` and `npm test`: runs on a fresh clone before
// dependencies exist. Installs them if missing or stale, generates the Prisma client if stale.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(" ")} a échoué (code ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`✖ Mutuo nécessite Node.js ≥ 20.19 (version actuelle : ${process.versions.node}).`);
    process.exit(1);
  }
}

export function ensureDependencies() {
  // Our own stamp: npm leaves node_modules/.package-lock.json untouched when nothing changed.
  const marker = path.join(root, "node_modules", ".mutuo-installed");
  const stale =
    mtime(marker) === 0 ||
    mtime(path.join(root, "package-lock.json")) > mtime(marker) ||
    ["package.json", ...workspaceManifests()].some((p) => mtime(path.join(root, p)) > mtime(marker));
  if (!stale) return;
  console.log("• Installation des dépendances (npm install)…");
  // `npm ci` is not usable here: the lockfile omits platform binaries this registry lacks (TOOLCHAIN.md).
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
  fs.writeFileSync(marker, new Date().toISOString());
}

function workspaceManifests() {
  const out = [];
  for (const dir of ["apps", "packages"]) {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const p = path.join(dir, name, "package.json");
      if (fs.existsSync(path.join(root, p))) out.push(p);
    }
  }
  return out;
}

export function ensurePrismaClient() {
  const schema = path.join(root, "prisma", "schema.prisma");
  const client = path.join(root, "packages", "db", "generated", "prisma", "client.ts");
  const prismaPkg = path.join(root, "node_modules", "prisma", "package.json");
  if (mtime(client) > Math.max(mtime(schema), mtime(prismaPkg))) return;
  console.log("• Génération du client Prisma…");
  fs.rmSync(path.dirname(client), { recursive: true, force: true });
  // The native schema engine cannot be downloaded here; `generate` does not need it (TOOLCHAIN.md).
  run(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts", "bin", "no-schema-engine"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
}

/** Lets this process import TypeScript (workspace sources) through tsx. */
export async function registerTsx() {
  const { register } = await import("tsx/esm/api");
  register();
}

export async function bootstrap() {
  checkNode();
  process.env.TURBO_TELEMETRY_DISABLED = "1";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureDependencies();
  ensurePrismaClient();
  await registerTsx();
}

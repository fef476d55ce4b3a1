// Runs once when a web server process starts: applies pending migrations (under an advisory lock,
// so several web and worker processes starting together are safe).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./env.ts");
  const { applyMigrations } = await import("@mutuo/db/migrate");
  const e = env();
  const result = await applyMigrations({ connectionString: e.databaseUrl, migrationsDir: e.migrationsDir });
  if (result.applied.length) console.log(`[web] migrations applied: ${result.applied.join(", ")}`);
}

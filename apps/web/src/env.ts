// The only module of the web app that reads environment variables. Validated lazily, at first use
// on the server, so that `next build` needs none of them.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  MUTUO_BASE_URL: z.string().url().optional(),
  MUTUO_MIGRATIONS_DIR: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export interface WebEnv {
  databaseUrl: string;
  baseUrl: string | undefined;
  migrationsDir: string;
  production: boolean;
}

let cached: WebEnv | undefined;

export function env(): WebEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid web configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  cached = {
    databaseUrl: e.DATABASE_URL,
    baseUrl: e.MUTUO_BASE_URL,
    // The web process runs in apps/web; migrations live at the repository root.
    migrationsDir: path.resolve(e.MUTUO_MIGRATIONS_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), "..", "..", "prisma", "migrations")),
    production: e.NODE_ENV === "production",
  };
  return cached;
}

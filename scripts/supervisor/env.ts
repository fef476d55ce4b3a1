// The only module of the supervisor (`npm start`) that reads environment variables.
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"], { message: "attendu : true ou false" })
  .transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "doit être une URL postgresql://")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  MUTUO_DATA_DIR: z.string().default(".mutuo"),
  MUTUO_BASE_URL: z.string().url().optional(),
  MUTUO_SEED_DEMO: bool.optional(),
  MUTUO_SKIP_BUILD: bool.default(false),
});

export interface SupervisorEnv {
  databaseUrl?: string;
  port: number;
  hostname: string;
  dataDir: string;
  baseUrl: string;
  seedDemo: boolean;
  skipBuild: boolean;
}

export function loadSupervisorEnv(root: string, source: NodeJS.ProcessEnv = process.env): SupervisorEnv {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")} : ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    hostname: e.HOSTNAME,
    dataDir: path.resolve(root, e.MUTUO_DATA_DIR),
    baseUrl: e.MUTUO_BASE_URL ?? `http://localhost:${e.PORT}`,
    // Demo data by default on the embedded database only: never surprise a production server.
    seedDemo: e.MUTUO_SEED_DEMO ?? !e.DATABASE_URL,
    skipBuild: e.MUTUO_SKIP_BUILD,
  };
}

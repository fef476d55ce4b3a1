// The only module of the web app that reads environment variables. Validated lazily, at first use
// on the server, so that `next build` needs none of them.
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "./server/client-address.ts";

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  MUTUO_BASE_URL: z.string().url().optional(),
  MUTUO_MIGRATIONS_DIR: z.string().optional(),
  MUTUO_DATA_DIR: z.string().optional(),
  /** Seals TOTP seeds in the database (base64 of 32 bytes); default: <data dir>/secret.key, created once. */
  MUTUO_SECRET_KEY: z.string().optional(),
  /** End-to-end tests only: a file holding an ISO instant at which the ticket services' clock stands. */
  MUTUO_E2E_CLOCK_FILE: z.string().optional(),
  /** Months after a ticket ends before its declarant is anonymised (an administrator's setting prevails). */
  MUTUO_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(36),
  /** Largest file a data migration accepts, in megabytes. */
  MUTUO_MIGRATION_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(200),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default("openid email given_name usual_name siret"),
  OIDC_LABEL: z.string().default("ProConnect"),
  /** Reverse proxies whose X-Forwarded-For / X-Real-IP / X-Forwarded-Proto are believed (IPs, CIDRs). */
  TRUSTED_PROXIES: z.string().optional(),
});

export interface WebEnv {
  databaseUrl: string;
  baseUrl: string | undefined;
  migrationsDir: string;
  /** Uploaded files live under <dataDir>/files. */
  filesDir: string;
  /** The key sealing secrets in the database: from the environment, else this file. */
  secretKey: { fromEnv?: string; file: string };
  e2eClockFile: string | null;
  retentionMonths: number;
  migrationMaxBytes: number;
  production: boolean;
  /** Served over HTTPS according to MUTUO_BASE_URL. */
  https: boolean;
  trustedProxies: TrustedProxies;
  /** OpenID Connect sign-in, when configured (e.g. ProConnect). */
  oidc: { issuer: string; clientId: string; clientSecret: string; scopes: string; label: string } | null;
}

let cached: WebEnv | undefined;

export function env(): WebEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid web configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  const dataDir =
    e.MUTUO_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), "..", "..", ".mutuo");
  cached = {
    databaseUrl: e.DATABASE_URL,
    baseUrl: e.MUTUO_BASE_URL,
    // The web process runs in apps/web; migrations live at the repository root.
    migrationsDir: path.resolve(
      e.MUTUO_MIGRATIONS_DIR ??
        path.join(/* turbopackIgnore: true */ process.cwd(), "..", "..", "prisma", "migrations"),
    ),
    filesDir: path.resolve(dataDir, "files"),
    secretKey: { fromEnv: e.MUTUO_SECRET_KEY, file: path.resolve(dataDir, "secret.key") },
    e2eClockFile: e.MUTUO_E2E_CLOCK_FILE ? path.resolve(e.MUTUO_E2E_CLOCK_FILE) : null,
    retentionMonths: e.MUTUO_RETENTION_MONTHS,
    migrationMaxBytes: e.MUTUO_MIGRATION_MAX_MB * 1024 * 1024,
    production: e.NODE_ENV === "production",
    https: (e.MUTUO_BASE_URL ?? "").startsWith("https://"),
    trustedProxies: parseTrustedProxies(e.TRUSTED_PROXIES),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            label: e.OIDC_LABEL,
          }
        : null,
  };
  return cached;
}

import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSupervisorEnv } from "./env.ts";

describe("supervisor configuration", () => {
  it("defaults to the embedded database with demo data on port 3000", () => {
    const env = loadSupervisorEnv("/srv/mutuo", {});
    expect(env).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      seedDemo: true,
      dataDir: "/srv/mutuo/.mutuo",
    });
    expect(env.baseUrl).toBe("http://localhost:3000");
  });

  it("never seeds demo data on a server unless asked", () => {
    expect(loadSupervisorEnv("/r", { DATABASE_URL: "postgresql://u:p@db/mutuo" }).seedDemo).toBe(false);
    expect(
      loadSupervisorEnv("/r", { DATABASE_URL: "postgresql://u:p@db/mutuo", MUTUO_SEED_DEMO: "true" })
        .seedDemo,
    ).toBe(true);
  });

  it("resolves the data folder and names the faulty variable in French", () => {
    expect(loadSupervisorEnv("/r", { MUTUO_DATA_DIR: "data" }).dataDir).toBe(path.resolve("/r", "data"));
    expect(() => loadSupervisorEnv("/r", { PORT: "http" })).toThrow(/PORT/);
    expect(() => loadSupervisorEnv("/r", { DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL : doit être une URL postgresql/,
    );
    expect(() => loadSupervisorEnv("/r", { MUTUO_SEED_DEMO: "peut-être" })).toThrow(
      /MUTUO_SEED_DEMO : attendu/,
    );
  });
});

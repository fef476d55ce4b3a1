import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import "../testing/provided.ts";
import { authorMigration, validateMigrationName } from "./author.ts";

const base = `datasource db {\n  provider = "postgresql"\n}\n\nmodel Team {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}\n`;

describe("authoring a migration offline", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "mutuo-author-"));
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  it("writes Prisma's format, then finds nothing to do, then diffs a change", async () => {
    const schemaPath = path.join(dir, "schema.prisma");
    const migrationsDir = path.join(dir, "migrations");
    const adminUrl = inject("mutuoTestAdminUrl");
    await fs.writeFile(schemaPath, base);

    const first = await authorMigration({
      name: "init",
      schemaPath,
      migrationsDir,
      adminUrl,
      now: new Date("2026-01-02T03:04:05Z"),
    });
    expect(first).toMatchObject({ created: true, name: "20260102030405_init" });
    const sql = await fs.readFile(path.join(migrationsDir, "20260102030405_init", "migration.sql"), "utf8");
    expect(sql).toContain(`CREATE TABLE "Team"`);
    expect(sql).toContain(`CREATE UNIQUE INDEX "Team_name_key"`);
    expect(await fs.readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      `provider = "postgresql"`,
    );

    expect(await authorMigration({ name: "again", schemaPath, migrationsDir, adminUrl })).toEqual({
      created: false,
    });

    await fs.writeFile(
      schemaPath,
      base.replace("name String @unique", "name String @unique\n  city String?"),
    );
    const second = await authorMigration({
      name: "add-city",
      schemaPath,
      migrationsDir,
      adminUrl,
      now: new Date("2026-01-03T00:00:00Z"),
    });
    expect(second).toMatchObject({ created: true, name: "20260103000000_add_city" });
    expect(second.created && second.sql).toMatch(/ALTER TABLE "Team" ADD COLUMN\s+"city" TEXT/);
  });

  it("rejects names that are not a plain identifier, in French", () => {
    expect(() => validateMigrationName(undefined)).toThrow(/Nom de migration invalide/);
    expect(() => validateMigrationName("../evil")).toThrow(/Nom de migration invalide/);
    expect(validateMigrationName("Add-Tickets")).toBe("add_tickets");
  });
});

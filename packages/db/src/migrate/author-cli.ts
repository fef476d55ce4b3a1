// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql.
import path from "node:path";
import { startEmbeddedPostgres } from "../embedded.ts";
import { authorMigration, validateMigrationName } from "./author.ts";

const root = process.cwd();

async function main(): Promise<number> {
  const name = validateMigrationName(process.argv[2]);
  const shadowUrl = process.env.SHADOW_DATABASE_URL;
  const embedded = shadowUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(root, ".mutuo", "dev-pg") });
  try {
    const result = await authorMigration({
      name,
      schemaPath: path.join(root, "prisma", "schema.prisma"),
      migrationsDir: path.join(root, "prisma", "migrations"),
      adminUrl: shadowUrl ?? embedded!.urlFor("postgres"),
    });
    if (!result.created) {
      console.log("Aucun changement : le schéma correspond déjà aux migrations.");
    } else {
      console.log(`Migration créée : ${path.relative(root, result.dir)}/migration.sql`);
      console.log("Relisez-la, puis régénérez le client : npm run db:generate");
    }
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

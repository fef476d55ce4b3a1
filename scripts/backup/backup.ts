// `npm run backup [-- <archive.tar.gz>]`: the embedded database, the file store and the sealing key in
// one archive (default MUTUO_DATA_DIR/backups/mutuo-<date>.tar.gz). Works while Mutuo runs.
import { backupEmbedded } from "@mutuo/db/backup";
import { loadSupervisorEnv } from "../supervisor/env.ts";

async function main(): Promise<void> {
  const env = loadSupervisorEnv(process.cwd());
  if (env.databaseUrl)
    throw new Error(
      "DATABASE_URL est défini : la base est sur un serveur PostgreSQL, que npm run backup ne sauvegarde pas. Utilisez pg_dump et copiez le dossier des fichiers (voir « Sauvegarde et restauration » dans le README).",
    );
  const { archive, manifest } = await backupEmbedded({
    dataDir: env.dataDir,
    out: process.argv[2],
    log: (m) => console.log(`• ${m}`),
  });
  console.log(
    `✔ Sauvegarde terminée : ${archive} (PostgreSQL ${manifest.postgresVersion}, ${manifest.files} fichier(s)).`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

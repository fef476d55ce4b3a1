// `npm run restore -- <archive.tar.gz>`: brings a backup back into MUTUO_DATA_DIR, which must be empty.
import { restoreEmbedded } from "@mutuo/db/backup";
import { loadSupervisorEnv } from "../supervisor/env.ts";

async function main(): Promise<void> {
  const archive = process.argv[2];
  if (!archive)
    throw new Error("Indiquez l'archive à restaurer : npm run restore -- chemin/vers/mutuo-….tar.gz");
  const env = loadSupervisorEnv(process.cwd());
  if (env.databaseUrl)
    throw new Error(
      "DATABASE_URL est défini : restaurez la base du serveur avec pg_restore (voir « Sauvegarde et restauration » dans le README).",
    );
  const manifest = await restoreEmbedded({
    archive,
    dataDir: env.dataDir,
    log: (m) => console.log(`• ${m}`),
  });
  console.log(
    `✔ Restauration terminée (sauvegarde du ${manifest.createdAt}) dans ${env.dataDir}. Démarrez Mutuo avec ce dossier : npm start`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

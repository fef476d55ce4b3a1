// Prisma CLI configuration. The CLI is used here for `prisma generate` only: migrations are authored
// and applied by packages/db/src/migrate (the native schema engine cannot be downloaded offline).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

// `npm run db:generate`: regenerates the Prisma client after a schema change.
import fs from "node:fs";
import path from "node:path";
import { ensurePrismaClient, root } from "./bootstrap.mjs";

fs.rmSync(path.join(root, "packages", "db", "generated", "prisma"), { recursive: true, force: true });
ensurePrismaClient();

// Installs dependencies and generates the Prisma client if needed, then exits (used by .ci/run).
import { checkNode, ensureDependencies, ensurePrismaClient, root } from "./bootstrap.mjs";

process.chdir(root);
checkNode();
ensureDependencies();
ensurePrismaClient();

// `npm start`: brings up the whole product (see scripts/supervisor/main.ts).
import { bootstrap, root } from "./bootstrap.mjs";

process.chdir(root);
await bootstrap();
await import("./supervisor/main.ts");

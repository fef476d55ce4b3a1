// Bundles the worker (and the workspace TypeScript it imports) into dist/main.mjs.
// npm dependencies stay external and are loaded from node_modules at run time.
import { build } from "esbuild";

const external = {
  name: "external-deps",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@mutuo/") ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.mjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  plugins: [external],
  logLevel: "warning",
});

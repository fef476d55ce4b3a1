// House rules that a tool keeps: layering between packages and domains.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const coreSrc = path.join(root, "packages", "core", "src");
// Folders of packages/core/src that are infrastructure, not domains: any file may be imported.
const OPEN_FOLDERS = new Set(["shared", "jobs"]);

function sourceOf(node) {
  return node.source && typeof node.source.value === "string" ? node.source.value : null;
}

/** A domain folder of packages/core/src reaches another only through that folder's index.ts. */
const domainIndexOnly = {
  meta: {
    type: "problem",
    docs: { description: "A core domain imports another domain only through its index.ts" },
    schema: [],
    messages: { index: "Import {{domain}} through its index.ts (“{{suggestion}}”), not {{file}}." },
  },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(coreSrc + path.sep)) return {};
    const own = path.relative(coreSrc, file).split(path.sep)[0];
    const check = (node) => {
      const spec = sourceOf(node);
      if (!spec || !spec.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(coreSrc + path.sep)) return;
      const parts = path.relative(coreSrc, target).split(path.sep);
      const domain = parts[0];
      if (parts.length < 2 || domain === own || OPEN_FOLDERS.has(domain)) return;
      if (parts.length === 2 && parts[1] === "index.ts") return;
      // The job registry (packages/core/src/jobs.ts) lists every domain's jobs/ folder.
      if (own === "jobs.ts" && parts[1] === "jobs") return;
      const suggestion = path.relative(path.dirname(file), path.join(coreSrc, domain, "index.ts"));
      context.report({
        node: node.source,
        messageId: "index",
        data: { domain, file: parts.join("/"), suggestion },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { "domain-index-only": domainIndexOnly } };

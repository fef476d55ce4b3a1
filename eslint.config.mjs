import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import house from "./eslint/house-rules.mjs";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.turbo/**",
      ".mutuo/**",
      "packages/db/generated/**",
      "**/next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
    },
    settings: { next: { rootDir: "apps/web" } },
  },
  {
    files: ["apps/**", "packages/core/**", "packages/api/**", "packages/email/**", "scripts/**", "e2e/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/generated/prisma/**"], message: "Import the client from @mutuo/db." }] },
      ],
    },
  },
  {
    // Layering: routers, pages and components never touch Prisma directly.
    files: [
      "packages/api/**/*.ts",
      "apps/web/src/app/**/*.{ts,tsx}",
      "apps/web/src/components/**/*.{ts,tsx}",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@prisma/client", message: "Use services from @mutuo/core." },
            {
              name: "@mutuo/db",
              importNames: ["createPrismaClient"],
              message: "Use services from @mutuo/core.",
            },
          ],
          patterns: [{ group: ["**/generated/prisma/**"], message: "Use services from @mutuo/core." }],
        },
      ],
    },
  },
  {
    // Layering: apps → api → core → (email, db); no import cycles; a core domain reaches another
    // through its index.ts only.
    files: ["**/*.{ts,tsx,mjs,mts}"],
    plugins: { "import-x": importX, house },
    settings: {
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["tsconfig.json", "*/*/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./packages/db",
              from: ["./packages/email", "./packages/core", "./packages/api", "./apps"],
              message: "db is the lowest layer.",
            },
            {
              target: "./packages/email",
              from: ["./packages/core", "./packages/api", "./apps"],
              message: "email sits under core.",
            },
            {
              target: "./packages/core",
              from: ["./packages/api", "./apps"],
              message: "core never imports api or the apps.",
            },
            { target: "./packages/api", from: ["./apps"], message: "api never imports the apps." },
            { target: "./apps/web", from: ["./apps/worker"], message: "The apps are independent." },
            { target: "./apps/worker", from: ["./apps/web"], message: "The apps are independent." },
          ],
        },
      ],
      "house/domain-index-only": "error",
    },
  },
);

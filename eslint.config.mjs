import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

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
);

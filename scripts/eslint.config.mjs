// Flat config for the whole monorepo; run from the root: eslint -c scripts/eslint.config.mjs .
import js from "@eslint/js"
import globals from "globals"
import jest from "eslint-plugin-jest"
import tseslint from "typescript-eslint"
import nextCoreWebVitals from "eslint-config-next/core-web-vitals"

const WEB_FILES = ["storefront/web/**/*.{js,jsx,ts,tsx}"]

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.medusa/**",
      "**/.next/**",
      "**/dist/**",
      "**/build/**",
      "**/.strapi/**",
      "cms/types/generated/**",
      "**/.data/**",
      "e2e/artifacts/**",
      "bench/results/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Next's own rules (React, hooks, a11y, Core Web Vitals), for the Next app only.
  ...nextCoreWebVitals
    .filter((config) => !config.ignores || Object.keys(config).length > 1)
    .map((config) => ({ ...config, files: WEB_FILES })),
  { files: WEB_FILES, settings: { next: { rootDir: "storefront/web" } } },
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Tests read untyped JSON from HTTP responses.
    files: [
      "**/__tests__/**",
      "**/integration-tests/**",
      "**/*.spec.{ts,tsx}",
      "**/*.test.{ts,tsx}",
    ],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // A focused or skipped test would quietly shrink the suite; npm test also fails on skips
    // (the one allowed skip carries an eslint-disable comment with its reason).
    files: [
      "**/__tests__/**",
      "**/integration-tests/**",
      "**/*.spec.{js,mjs,ts,tsx}",
      "**/*.test.{js,mjs,ts,tsx}",
      "e2e/**",
    ],
    plugins: { jest },
    rules: { "jest/no-focused-tests": "error", "jest/no-disabled-tests": "error" },
  },
  {
    // HTTP specs copy the run's migrated template database instead of migrating their own.
    files: ["commerce/integration-tests/http/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@medusajs/test-utils",
              importNames: ["medusaIntegrationTestRunner"],
              message: "Import medusaIntegrationTestRunner from ../helpers/http-test-runner.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "storefront/web/**/*.{ts,tsx}",
      "storefront/**/*.tsx",
      "**/src/admin/**/*.tsx",
      "cms/src/admin/**/*.{ts,tsx}",
    ],
    languageOptions: { globals: { ...globals.browser } },
  }
)

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import stageOrder from "./scripts/eslint-stage-order.js";

export default tseslint.config(
  { ignores: ["node_modules", "dist", "test/fixtures", "examples", "web/dist", "tmp", "bench-data"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { annals: stageOrder },
    rules: { "annals/stage-order": "error" },
  },
  // The corpus stage orchestrates resolve, claims, decisions and the store; it moves to src/ingest.
  { files: ["src/resolve/corpus.ts"], rules: { "annals/stage-order": "off" } },
);

// Preloaded with `node --import` by test/cli/start.test.ts: prints to stderr, one a line, every
// ES module the process loads and, at exit, every CommonJS module it required, so a test can tell
// which parts of annals (and which packages) a command pulled in.
import { createRequire, register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function load(url, context, next) { if (url.startsWith("file:")) console.error("loaded " + url); return next(url, context); }',
    ),
);

const required = createRequire(import.meta.url).cache;
process.on("exit", () => {
  for (const path of Object.keys(required)) console.error("required " + path);
});

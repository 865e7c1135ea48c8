// Preloaded with `node --import` by test/cli/start.test.ts: prints to stderr, one a line, every
// ES module the process loads, so a test can tell which parts of annals a command pulled in.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function load(url, context, next) { if (url.startsWith("file:")) console.error("loaded " + url); return next(url, context); }',
    ),
);

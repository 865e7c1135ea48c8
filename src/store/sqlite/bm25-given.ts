import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

/** Where `scripts/build-native.js` writes the compiled `native/bm25-given.c`. */
const LIBRARY = fileURLToPath(
  new URL(`../../../dist/native/bm25-given.${process.platform === "darwin" ? "dylib" : "so"}`, import.meta.url),
);

let warned = false;

/**
 * Adds `annals_bm25` (native/bm25-given.c: FTS5's bm25 with each phrase's passage count given) to
 * `db`. False when the set-up could not compile it: the caller then ranks with bm25(), which counts.
 */
export function loadBm25Given(db: Database.Database): boolean {
  if (!existsSync(LIBRARY)) return false;
  try {
    // better-sqlite3 takes the entry point too, its types do not say so.
    const load = db.loadExtension.bind(db) as (file: string, entryPoint: string) => unknown;
    load(LIBRARY, "sqlite3_bm25given_init");
    return true;
  } catch (error) {
    if (!warned) {
      warned = true;
      process.emitWarning(
        `annals: ${LIBRARY} did not load (${(error as Error).message}); search ranks with bm25(), slower on large bases. Rerun \`npm run build\`.`,
      );
    }
    return false;
  }
}

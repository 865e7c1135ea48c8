// Compiles the SQLite extension of src/store/sqlite/native (annals_bm25, annals_top_k: every .c file there)
// into one library in dist/native, when missing or older than a source. Without a C compiler the store ranks with FTS5's own bm25(): the same
// results, slower on large bases; this says so and does not fail the set-up.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const sourceDir = join(root, "src/store/sqlite/native");
const sources = readdirSync(sourceDir)
  .filter((name) => name.endsWith(".c"))
  .map((name) => join(sourceDir, name));
const library = join(root, "dist/native", process.platform === "darwin" ? "bm25-given.dylib" : "bm25-given.so");

if (!existsSync(library) || sources.some((source) => statSync(library).mtimeMs < statSync(source).mtimeMs)) {
  const sqliteHeaders = join(
    dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")),
    "deps/sqlite3",
  );
  const linkFlags = process.platform === "darwin" ? ["-dynamiclib"] : ["-shared"];
  mkdirSync(dirname(library), { recursive: true });
  try {
    execFileSync(
      process.env.CC ?? "cc",
      ["-O2", "-fPIC", ...linkFlags, "-I", sqliteHeaders, ...sources, "-o", library, "-lm"],
      {
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
  } catch (error) {
    process.stderr.write(
      `annals: could not compile ${sourceDir} (${error.message.split("\n")[0]}); search will rank with FTS5's bm25(), slower on large bases. Install a C compiler (Debian: apt-get install -y gcc) and rerun \`npm run build\`.\n`,
    );
  }
}

// Builds the web UI into web/dist when its sources changed since the last build (or it is missing).
// Called by scripts/ensure-setup.js (so by npm start, npm test, npm run bench) and by the e2e tests.
// `node web/build.mjs [--force]` runs it by hand.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL(".", import.meta.url));
const root = join(web, "..");
const dist = join(web, "dist");
const stamp = join(dist, ".build-hash");

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/** Hash of everything the bundle is made from: the UI sources, the types it shares, the locked packages. */
function sourceHash() {
  const inputs = [
    ...files(join(web, "src")),
    join(web, "index.html"),
    join(web, "vite.config.ts"),
    join(web, "tsconfig.json"),
    join(root, "src/views/types.ts"),
    join(root, "package-lock.json"),
  ].filter((path) => existsSync(path) && statSync(path).isFile());
  const hash = createHash("sha256");
  for (const path of inputs.sort()) hash.update(relative(root, path)).update("\0").update(readFileSync(path));
  return hash.digest("hex");
}

/** Returns true when it built. Throws when type-checking or bundling fails. */
export function ensureWebBuild({ force = false, log = (line) => process.stderr.write(line + "\n") } = {}) {
  const hash = sourceHash();
  if (!force && existsSync(join(dist, "index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    return false;
  }
  log("annals: building the web UI (tsc + vite)…");
  const bin = (pkg, file) => join(root, "node_modules", pkg, file);
  execFileSync(process.execPath, [bin("typescript", "bin/tsc"), "-p", join(web, "tsconfig.json")], {
    cwd: root,
    stdio: "inherit",
  });
  execFileSync(process.execPath, [bin("vite", "bin/vite.js"), "build", "--config", join(web, "vite.config.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  writeFileSync(stamp, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuild({ force: process.argv.includes("--force") });
}

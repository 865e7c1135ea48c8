// Installs dependencies when missing and builds the TypeScript sources and the web UI, so that
// `npm start`, `npm test`, `npm run bench` and `npm run eval` work on a fresh clone.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (command) => execSync(command, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

const installed = `${root}node_modules/.package-lock.json`;
const lock = `${root}package-lock.json`;
if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000)) {
  // `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages (rollup's) out of
  // the lock file and `npm ci` then refuses it; `npm install` installs the locked versions all the same.
  process.stderr.write("annals: installing dependencies (npm install)…\n");
  run("npm install --no-audit --no-fund");
}
run("npx tsc -p tsconfig.build.json");
run("node scripts/build-native.js");
// The web UI (web/ → web/dist), rebuilt only when its sources changed or its output is missing.
const { ensureWebBuild } = await import("../web/build.mjs");
ensureWebBuild();

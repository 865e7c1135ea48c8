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
  process.stderr.write("annals: installing dependencies (npm ci)…\n");
  run("npm ci --no-audit --no-fund");
}
run("npx tsc -p tsconfig.build.json");
// The web UI (web/ → web/dist), rebuilt only when its sources changed or its output is missing.
const { ensureWebBuild } = await import("../web/build.mjs");
ensureWebBuild();

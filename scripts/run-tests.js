// `npm test`'s last step: vitest, against a throwaway PostgreSQL server as well as SQLite when
// Debian's postgresql is installed (scripts/test-postgres.sh) and ANNALS_TEST_PG names no server.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { postgresInstalled } from "./system-tools.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const vitest = ["npx", "vitest", "run", ...process.argv.slice(2)];

let command = vitest;
if (process.env.ANNALS_TEST_PG === undefined) {
  if (postgresInstalled()) command = ["bash", "scripts/test-postgres.sh", ...vitest];
  else
    process.stderr.write(
      "annals: PostgreSQL is not installed, so the store suites run on SQLite only and the PostgreSQL suites are skipped (apt-get install -y postgresql)\n",
    );
}
const result = spawnSync(command[0], command.slice(1), { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);

// `npm start`: builds annals and its web UI, builds the example knowledge base (./annals.db) from the
// bundled seed corpus when it is missing, then serves it: the URL is printed, Ctrl+C stops.
// Environment: ANNALS_DB (another knowledge base), PORT, HOST (with ANNALS_TOKEN when not loopback).
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync(process.execPath, [`${root}scripts/ensure-setup.js`], { stdio: "inherit" });

const cli = `${root}bin/annals.js`;
const db = resolve(root, process.env["ANNALS_DB"] ?? "annals.db");

if (!existsSync(db)) {
  process.stdout.write(`\nannals: building the example knowledge base ${db} from examples/seeds\n`);
  process.stdout.write(`$ annals --db ${db} add examples/seeds\n`);
  try {
    execFileSync(process.execPath, [cli, "--db", db, "add", "examples/seeds"], { stdio: "inherit", cwd: root });
  } catch (error) {
    // Exit 1: some file failed but the rest is stored (the report above says which).
    if (error.status !== 1) throw error;
  }
}

process.stdout.write(`\n$ annals search Kassem --limit 3\n`);
execFileSync(process.execPath, [cli, "--db", db, "search", "Kassem", "--limit", "3"], { stdio: "inherit", cwd: root });

const args = ["--db", db, "serve"];
if (process.env["PORT"]) args.push("--port", process.env["PORT"]);
if (process.env["HOST"]) args.push("--host", process.env["HOST"]);
process.stdout.write(`\n$ annals ${args.join(" ")}\n`);
const server = spawn(process.execPath, [cli, ...args], { stdio: "inherit", cwd: root });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 0 : 1);
});

import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "bin/annals.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  uid?: number;
  gid?: number;
}

/** Runs the built CLI (`npm test` builds first) and captures its output. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and parses its stdout as JSON, failing loudly with stderr when it is not JSON. */
export function runCliJson<T>(
  args: readonly string[],
  options: CliOptions = {},
): { status: number | null; json: T; stderr: string } {
  const result = runCli([...args, "--json"], options);
  try {
    return { status: result.status, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(
      `annals ${args.join(" ")} printed no JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

export function startCli(args: readonly string[], options: SpawnOptions = {}) {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], ...options });
}

export function tempDir(prefix = "annals-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

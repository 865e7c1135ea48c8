import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface CliStart {
  command: string;
  /** Median wall time of the whole process, start to exit, in milliseconds. */
  medianMs: number;
}

function medianWallMs(args: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`bench: ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * How long `annals search`, `documents` and `entity` take from process start to exit on `db`,
 * beside `node -e 0` (Node's own start) measured in the same run.
 */
export function cliStartTimes(root: string, db: string, entity: string, runs = 7): CliStart[] {
  const cli = join(root, "bin/annals.js");
  const commands: [string, string[]][] = [
    ["node -e 0", ["-e", "0"]],
    ["annals search Baghdad", [cli, "--db", db, "search", "Baghdad"]],
    ["annals documents", [cli, "--db", db, "documents"]],
    [`annals entity ${entity}`, [cli, "--db", db, "entity", entity]],
  ];
  return commands.map(([command, args]) => ({ command, medianMs: medianWallMs(args, runs) }));
}

export function renderCliStart(db: string, times: readonly CliStart[]): string {
  return [
    "## CLI start",
    "",
    `Wall time from process start to exit (median of 7) on \`${db}\`, output discarded; the commands load neither the extractors nor the corpus stage.`,
    "",
    "| command | median ms | target |",
    "|---|---:|---:|",
    ...times.map(
      (t) => `| ${t.command} | ${t.medianMs.toFixed(0)} | ${t.command.startsWith("annals") ? "< 300" : ""} |`,
    ),
    "",
  ].join("\n");
}

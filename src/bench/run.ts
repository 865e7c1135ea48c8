import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, listFiles, realSentences } from "./corpus.js";
import type { PhaseResult } from "./phases.js";
import { benchApi, renderApiBench } from "./api.js";

/**
 * `npm run bench [-- --size MB] [-- --corpora DIR]`: ingest throughput and peak memory against a raw
 * FTS5 insert of the same files, and search latency, on the shared corpora and on a generated corpus
 * (default 1024 MB) of their real sentences. Writes docs/benchmarks.md.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const sizeMb = Number(option("--size", "1024"));
const corpora = resolve(option("--corpora", process.env["ANNALS_CORPORA"] ?? join(root, "../shared/corpora")));
const workDir = join(root, "bench-data");
const workers = 2;

function phase<T extends PhaseResult>(name: string, db: string, dirs: string[]): T {
  process.stderr.write(`bench: ${name} ${dirs.join(" ")}…\n`);
  const out = execFileSync(
    process.execPath,
    [join(root, "dist/bench/phase-child.js"), name, db, String(workers), ...dirs],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as T;
}

type SearchResult = PhaseResult & { p50: number; p99: number; max: number };

interface Row {
  corpus: string;
  megabytes: number;
  core: PhaseResult;
  ingest: PhaseResult;
  reference: PhaseResult;
  search: SearchResult;
}

function measure(corpus: string, dirs: string[]): Row {
  const db = join(workDir, `${corpus}.db`);
  const core = phase<PhaseResult>("ingest-core", join(workDir, `${corpus}-core.db`), dirs);
  const ingest = phase<PhaseResult>("ingest", db, dirs);
  const search = phase<SearchResult>("search", db, dirs);
  const reference = phase<PhaseResult>("fts5", join(workDir, `${corpus}-fts5.db`), dirs);
  return { corpus, megabytes: ingest.megabytes, core, ingest, reference, search };
}

function rate(result: PhaseResult): number {
  return result.megabytes / result.seconds;
}

function render(rows: Row[]): string {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const lines = [
    "# Benchmarks",
    "",
    `Made by \`npm run bench -- --size ${sizeMb}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${workers} ingest workers.`,
    "",
    "The reference is a raw SQLite FTS5 insert of the same files' paragraphs, measured in the same run.",
    ...(sizeMb < 1024
      ? [
          `The generated corpus of this run is ${sizeMb} MB, not the 1 GB the targets name: run \`npm run bench\` (default \`--size 1024\`) for those.`,
        ]
      : []),
    "*Core* is decode, parse, segment, lemmas, keys, dates, MinHash and FTS5, without entity extraction;",
    "*full* adds mentions, events, relations and the corpus stage (entity resolution, event merging, claims).",
    "",
    "## Ingest",
    "",
    "| corpus | MB | pipeline | s | MB/s | FTS5 reference MB/s | time / reference | peak RSS MB | reference peak RSS MB |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ...rows.flatMap((r) =>
      (["core", "full"] as const).map((name) => {
        const p = name === "core" ? r.core : r.ingest;
        return `| ${r.corpus} | ${f(r.megabytes)} | ${name} | ${f(p.seconds)} | ${f(rate(p), 2)} | ${f(rate(r.reference), 2)} | ${f(p.seconds / r.reference.seconds, 2)}× | ${p.peakRssMb} | ${r.reference.peakRssMb} |`;
      }),
    ),
    "",
    ...rows.map(
      (r) =>
        `- ${r.corpus}, full pipeline: ${Object.entries(r.ingest.detail ?? {})
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}.`,
    ),
    "",
    "## Search",
    "",
    "50 fixed queries (`src/bench/queries.ts`), 3 rounds after a warm-up round, limit 10, snippets included.",
    "",
    "| corpus | p50 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.corpus} | ${f(r.search.p50, 2)} | ${f(r.search.p99, 2)} | ${f(r.search.max, 2)} |`),
    "",
    "## Targets",
    "",
    "Core ingest ≥ 5 MB/s and within 4× of the FTS5 reference; full ingest ≥ 2 MB/s; search p99 < 50 ms at 1 GB; RSS < 1.5 GB during the 1 GB ingest.",
    "",
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const rows: Row[] = [];
  if (existsSync(corpora)) {
    rows.push(measure("shared-corpora", [corpora]));
    if (sizeMb > 0) {
      const generated = join(workDir, `generated-${sizeMb}mb`);
      process.stderr.write(`bench: generating ${sizeMb} MB from the corpora's sentences in ${generated}…\n`);
      await generateCorpus(generated, realSentences(listFiles(corpora)), sizeMb);
      rows.push(measure(`generated-${sizeMb}mb`, [generated]));
    }
  } else {
    process.stderr.write(`bench: ${corpora} not found; pass --corpora DIR\n`);
    process.exitCode = 2;
    return;
  }
  const largest = rows[rows.length - 1]!;
  process.stderr.write(`bench: API latency on ${largest.corpus}…\n`);
  const api = renderApiBench(await benchApi({ db: join(workDir, `${largest.corpus}.db`) }));
  const report = `${render(rows)}\n${api}\n`;
  writeFileSync(join(root, "docs/benchmarks.md"), report);
  process.stdout.write(report);
}

await main();

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, listFiles, realSentences } from "./corpus.js";
import { postgresBenchUrl, type PhaseResult, type SearchPhaseResult } from "./phases.js";
import { benchApi, renderApiBench } from "./api.js";
import { benchFormats, renderFormatsBench } from "./formats.js";
import { parallelSpeedup } from "./machine.js";
import { cliStartTimes, renderCliStart } from "./cli-start.js";
import { Annals } from "../annals.js";

/**
 * `npm run bench [-- --size MB] [-- --full-size MB] [-- --corpora DIR]`: ingest throughput and peak
 * memory against a raw FTS5 insert of the same files, and search latency, on the shared corpora and
 * on generated corpora of their real sentences: `--size` (default 1024 MB) without entity extraction,
 * `--full-size` (default 100 MB) with it. Writes docs/benchmarks.md. `--formats-only`: only the PDF
 * text layer and OCR bench, into docs/benchmarks-formats.md (the full run writes it too).
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const sizeMb = Number(option("--size", "1024"));
const fullSizeMb = Number(option("--full-size", "100"));
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

interface Row {
  corpus: string;
  megabytes: number;
  core?: PhaseResult;
  full?: PhaseResult;
  reference: PhaseResult;
  search: SearchPhaseResult;
  /** Adding one small file to the base built with extraction. */
  addOne?: PhaseResult;
}

/** Ingests `dirs` with the pipelines asked for, searches the last database built, and runs the reference. */
function measure(corpus: string, dirs: string[], pipelines: { core: boolean; full: boolean }): Row {
  const coreDb = join(workDir, `${corpus}-core.db`);
  const fullDb = join(workDir, `${corpus}.db`);
  const core = pipelines.core ? phase<PhaseResult>("ingest-core", coreDb, dirs) : undefined;
  const full = pipelines.full ? phase<PhaseResult>("ingest", fullDb, dirs) : undefined;
  const search = phase<SearchPhaseResult>("search", full ? fullDb : coreDb, dirs);
  const addOne = full ? phase<PhaseResult>("add-one", fullDb, []) : undefined;
  const reference = phase<PhaseResult>("fts5", join(workDir, `${corpus}-fts5.db`), dirs);
  return {
    corpus,
    megabytes: reference.megabytes,
    ...(core ? { core } : {}),
    ...(full ? { full } : {}),
    reference,
    search,
    ...(addOne ? { addOne } : {}),
  };
}

function rate(result: PhaseResult): number {
  return result.megabytes / result.seconds;
}

function render(rows: Row[], machine: Awaited<ReturnType<typeof parallelSpeedup>>): string {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const lines = [
    "# Benchmarks",
    "",
    `Made by \`npm run bench -- --size ${sizeMb} --full-size ${fullSizeMb}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${workers} ingest workers.`,
    "",
    `Machine: a fixed integer loop runs ${f(machine.speedup, 2)}× as fast on ${workers} threads as on one (${f(machine.single, 2)} s alone, ${f(machine.parallel, 2)} s for ${workers} copies at once): the most any ${workers}-worker ingest can gain here.`,
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
      (["core", "full"] as const).flatMap((name) => {
        const p = r[name];
        if (!p) return [];
        return [
          `| ${r.corpus} | ${f(r.megabytes)} | ${name} | ${f(p.seconds)} | ${f(rate(p), 2)} | ${f(rate(r.reference), 2)} | ${f(p.seconds / r.reference.seconds, 2)}× | ${p.peakRssMb} | ${r.reference.peakRssMb} |`,
        ];
      }),
    ),
    "",
    ...rows.flatMap((r) =>
      (["core", "full"] as const).flatMap((name) => {
        const detail = r[name]?.detail;
        if (!detail) return [];
        const counts = Object.entries(detail).filter(
          ([k]) => name === "full" || !["mentions", "events", "entities"].includes(k),
        );
        return [`- ${r.corpus}, ${name}: ${counts.map(([k, v]) => `${v} ${k}`).join(", ")}.`];
      }),
    ),
    "",
    "## Adding one file",
    "",
    "One two-line file ingested into a copy of each base built with extraction (its names resolved again incrementally, or all when those it reaches are more than 0.3 of all; its accounts of events merged again with those linked to them either way); the reference is the whole corpus stage alone, rerun on the result.",
    "",
    "| corpus | MB | add one file s | stage | names resolved again | accounts merged again | whole corpus stage s | peak RSS MB |",
    "|---|---:|---:|---|---:|---:|---:|---:|",
    ...rows.flatMap((r) =>
      r.addOne
        ? [
            `| ${r.corpus} | ${f(r.megabytes)} | ${f(r.addOne.seconds, 2)} | ${r.addOne.detail?.["mode"] ?? ""} | ${r.addOne.detail?.["resolvedNames"] ?? ""} | ${r.addOne.detail?.["mergedAccounts"] ?? ""} | ${f(Number(r.addOne.detail?.["corpusStageSeconds"] ?? 0), 2)} | ${r.addOne.peakRssMb} |`,
          ]
        : [],
    ),
    "",
    "## Search",
    "",
    "50 fixed queries (`src/bench/queries.ts`), 3 rounds after a warm-up round, limit 10, snippets included:",
    "as ingest leaves the base (frequent one-word queries answered from their precomputed top 1000,",
    "`src/search/top-matches.ts`, and on SQLite other queries from the kept lists of their words and phrases when",
    "a bound allows, `src/store/sqlite/top-match-plan.ts`), then with that table emptied so FTS5 ranks every",
    "match (*full ranking*).",
    "*Build* is the time to rebuild the table, which every ingest spends at its end.",
    "",
    "| corpus | MB | p50 ms | p99 ms | max ms | full ranking p50 ms | p99 ms | max ms | build s | queries precomputed |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const s = r.search;
      const full = s.fullRanking;
      return `| ${r.corpus} | ${f(r.megabytes)} | ${f(s.p50, 2)} | ${f(s.p99, 2)} | ${f(s.max, 2)} | ${f(full.p50, 2)} | ${f(full.p99, 2)} | ${f(full.max, 2)} | ${f(s.topMatchBuildSeconds, 2)} | ${s.topMatchQueries} |`;
    }),
    "",
    "## Targets",
    "",
    "Core ingest ≥ 5 MB/s and within 4× of the FTS5 reference; full ingest ≥ 2 MB/s; search p99 < 50 ms at 1 GB; RSS < 1.5 GB during the 1 GB ingest.",
    "",
  ];
  return lines.join("\n");
}

function topEntityName(db: string): string {
  const annals = Annals.open(db);
  try {
    return annals.entities({ limit: 1 })[0]?.name ?? "Baghdad";
  } finally {
    annals.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const postgres = option("--postgres", process.env["ANNALS_BENCH_PG"] ?? "");
  if (postgres) {
    backendComparison(postgres);
    return;
  }
  process.stderr.write("bench: PDF text layer and OCR…\n");
  const formats = `# Benchmarks: PDF and OCR\n\n${renderFormatsBench(await benchFormats(workDir))}`;
  writeFileSync(join(root, "docs/benchmarks-formats.md"), formats);
  if (args.includes("--formats-only")) {
    process.stdout.write(formats);
    return;
  }
  if (!existsSync(corpora)) {
    process.stderr.write(`bench: ${corpora} not found; pass --corpora DIR\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write("bench: machine parallelism…\n");
  const machine = await parallelSpeedup(workers);
  const rows: Row[] = [measure("shared-corpora", [corpora], { core: true, full: true })];
  const sentences = realSentences(listFiles(corpora));
  const generated = async (megabytes: number, pipelines: { core: boolean; full: boolean }) => {
    const dir = join(workDir, `generated-${megabytes}mb`);
    process.stderr.write(`bench: generating ${megabytes} MB from the corpora's sentences in ${dir}…\n`);
    await generateCorpus(dir, sentences, megabytes);
    rows.push(measure(`generated-${megabytes}mb`, [dir], pipelines));
  };
  if (fullSizeMb > 0) await generated(fullSizeMb, { core: fullSizeMb === sizeMb, full: true });
  if (sizeMb > 0 && sizeMb !== fullSizeMb) await generated(sizeMb, { core: true, full: false });
  const largestFull = rows.filter((r) => r.full).at(-1)!;
  process.stderr.write(`bench: API latency on ${largestFull.corpus}…\n`);
  const largestDb = join(workDir, `${largestFull.corpus}.db`);
  const api = renderApiBench(await benchApi({ db: largestDb }));
  process.stderr.write(`bench: CLI start on ${largestFull.corpus}…\n`);
  const cli = renderCliStart(`${largestFull.corpus}.db`, cliStartTimes(root, largestDb, topEntityName(largestDb)));
  const report = `${render(rows, machine)}\n${api}\n${cli}\n`;
  writeFileSync(join(root, "docs/benchmarks.md"), report);
  process.stdout.write(report);
}

/**
 * `npm run bench -- --postgres URL [--compare DIR,DIR] [--core]`: the same small corpus (default: the
 * seeds and the FRUS volume) ingested with the full pipeline (`--core`: without extraction), searched
 * and added to on SQLite and on PostgreSQL, and the synchronous bridge's cost per call. Writes docs/benchmarks-postgres.md.
 */
function backendComparison(server: string): void {
  const dirs = option(
    "--compare",
    [join(root, "examples/seeds"), join(corpora, "frus-1958-60v12-iraq-july-1958")].join(","),
  )
    .split(",")
    .filter((dir) => dir.length > 0);
  const pipeline = args.includes("--core") ? "ingest-core" : "ingest";
  mkdirSync(workDir, { recursive: true });
  const backends = [
    { name: "SQLite", db: join(workDir, "compare.db") },
    { name: "PostgreSQL", db: postgresBenchUrl(server) },
  ].map((backend) => ({
    ...backend,
    ingest: phase<PhaseResult>(pipeline, backend.db, dirs),
    search: phase<SearchPhaseResult>("search", backend.db, dirs),
    addOne: phase<PhaseResult>("add-one", backend.db, []),
    addOneRebuilt: phase<PhaseResult>("add-one-rebuilt", backend.db, []),
  }));
  const bridge = phase<PhaseResult>("bridge", server, []).detail!;
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const lines = [
    "# Benchmarks: PostgreSQL beside SQLite",
    "",
    `Made by \`npm run bench -- ${args.map((arg) => (arg === server ? "URL" : arg)).join(" ")}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ${workers} ingest workers, PostgreSQL on a unix socket of the same machine.`,
    `Corpus: ${dirs.map((d) => basename(d)).join(", ")} (${f(backends[0]!.ingest.megabytes, 2)} MB), ${pipeline === "ingest" ? "full pipeline (corpus stage included)" : "core pipeline (no extraction)"}.`,
    "",
    "| backend | ingest s | MB/s | peak RSS MB | documents | passages | entities |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...backends.map((b) => {
      const d = b.ingest.detail ?? {};
      return `| ${b.name} | ${f(b.ingest.seconds)} | ${f(rate(b.ingest), 3)} | ${b.ingest.peakRssMb} | ${d["documents"]} | ${d["passages"]} | ${d["entities"]} |`;
    }),
    "",
    "Search: the fixed queries as in docs/benchmarks.md, as ingest leaves the base (frequent one-word queries",
    "answered from their precomputed best matches), then with that table emptied (*full ranking*: every match",
    "ranked); *build* is the time to rebuild the table.",
    "",
    "| backend | p50 ms | p99 ms | max ms | full ranking p50 ms | p99 ms | max ms | build s | queries precomputed |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...backends.map((b) => {
      const s = b.search;
      const full = s.fullRanking;
      return `| ${b.name} | ${f(s.p50, 2)} | ${f(s.p99, 2)} | ${f(s.max, 2)} | ${f(full.p50, 2)} | ${f(full.p99, 2)} | ${f(full.max, 2)} | ${f(s.topMatchBuildSeconds, 2)} | ${s.topMatchQueries} |`;
    }),
    "",
    "Adding one two-line file (as in docs/benchmarks.md), beside the same add when it empties the top-match",
    "table so that ingest rebuilds it at its end (what every add cost before PostgreSQL kept the table up to date;",
    "SQLite still does). The corpus stage rerun alone is the reference.",
    "",
    "| backend | add one file s | add one file, table rebuilt s | corpus stage s |",
    "|---|---:|---:|---:|",
    ...backends.map(
      (b) =>
        `| ${b.name} | ${f(b.addOne.seconds, 2)} | ${f(b.addOneRebuilt.seconds, 2)} | ${f(Number(b.addOne.detail?.["corpusStageSeconds"] ?? 0), 2)} |`,
    ),
    "",
    `Synchronous bridge (src/store/postgres/sync-client.ts), per \`SELECT $1\`: ${bridge["asyncUs"]} µs awaited on pg directly, ${bridge["syncUs"]} µs through the bridge one call each, ${bridge["batchedUs"]} µs each in batches of ten per call.`,
    "",
  ];
  const report = lines.join("\n");
  writeFileSync(join(root, "docs/benchmarks-postgres.md"), report);
  process.stdout.write(report);
}

await main();

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { resolveCorpus } from "../ingest/corpus-stage.js";
import { ingest } from "../ingest/ingest.js";
import pg from "pg";
import { isPostgresUrl, openStore, type Store } from "../store/index.js";
import { SyncPostgres } from "../store/postgres/sync-client.js";
import { BENCH_QUERIES } from "./queries.js";
import { listFiles } from "./corpus.js";

export interface PhaseResult {
  seconds: number;
  megabytes: number;
  peakRssMb: number;
  detail?: Record<string, number | string>;
}

/** Samples the process's resident memory (worker threads included) every 50 ms. */
function rssSampler(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage.rss()) / 1048576);
  };
}

/** The schema the PostgreSQL phases write to (see postgresBenchUrl), dropped before each ingest. */
export const POSTGRES_BENCH_SCHEMA = "annals_bench";

export function postgresBenchUrl(server: string): string {
  const options = encodeURIComponent(`-c search_path=${POSTGRES_BENCH_SCHEMA}`);
  return `${server}${server.includes("?") ? "&" : "?"}options=${options}`;
}

function removeDatabase(db: string): void {
  if (isPostgresUrl(db)) {
    const admin = new SyncPostgres(db);
    admin.batch([
      { text: `DROP SCHEMA IF EXISTS ${POSTGRES_BENCH_SCHEMA} CASCADE` },
      { text: `CREATE SCHEMA ${POSTGRES_BENCH_SCHEMA}` },
    ]);
    admin.close();
    return;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
}

/**
 * What a synchronous call through the worker-thread bridge costs beside an awaited query on the
 * same server: `SELECT $1` one at a time, and in batches of ten per call.
 */
export async function bridgePhase(db: string, calls = 2000): Promise<PhaseResult> {
  const timed = async (work: () => unknown) => {
    const started = performance.now();
    await work();
    return ((performance.now() - started) * 1000) / calls;
  };
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const asyncUs = await timed(async () => {
    for (let i = 0; i < calls; i++) await client.query("SELECT $1::int AS x", [i]);
  });
  await client.end();
  const sync = new SyncPostgres(db);
  sync.query("SELECT 1");
  const syncUs = await timed(() => {
    for (let i = 0; i < calls; i++) sync.query("SELECT $1::int AS x", [i]);
  });
  const batchedUs = await timed(() => {
    for (let i = 0; i < calls / 10; i++) {
      sync.batch(Array.from({ length: 10 }, (_, j) => ({ text: "SELECT $1::int AS x", values: [j] })));
    }
  });
  sync.close();
  return {
    seconds: 0,
    megabytes: 0,
    peakRssMb: 0,
    detail: { asyncUs: Math.round(asyncUs), syncUs: Math.round(syncUs), batchedUs: Math.round(batchedUs) },
  };
}

export async function ingestPhase(db: string, dirs: string[], workers: number, extract: boolean): Promise<PhaseResult> {
  removeDatabase(db);
  const megabytes = dirs.flatMap(listFiles).reduce((sum, f) => sum + f.size, 0) / 1e6;
  const peak = rssSampler();
  const store = openStore(db);
  const started = performance.now();
  const report = await ingest(store, dirs, { workers, extract });
  const seconds = (performance.now() - started) / 1000;
  store.close();
  return {
    seconds,
    megabytes,
    peakRssMb: peak(),
    detail: {
      documents: report.documents,
      passages: report.passages,
      mentions: report.mentions,
      events: report.events,
      entities: report.corpus?.entities ?? 0,
      failed: report.failed.length,
    },
  };
}

/**
 * Adding one two-line file to a knowledge base built with extraction (a copy of a SQLite file; a
 * PostgreSQL base in place, the file removed again afterwards), beside the whole corpus stage alone
 * rerun on the result (`detail.corpusStageSeconds`), with how many names the add's incremental stage
 * resolved again and how many accounts of events it merged again. With `topMatchBudget`, the
 * top-match table is first rebuilt with that budget: 0 makes the add empty it, as every passage
 * write did before PostgreSQL kept it up to date.
 */
export async function addOnePhase(db: string, topMatchBudget?: number): Promise<PhaseResult> {
  const postgres = isPostgresUrl(db);
  const base = postgres ? db : `${db}.add-one`;
  if (!postgres) {
    removeDatabase(base);
    copyFileSync(db, base);
  }
  const folder = join(postgres ? tmpdir() : dirname(db), "add-one");
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "added.txt");
  writeFileSync(file, "On 14 July 1958 General Abd al-Karim Qasim took power in Baghdad.\nThe monarchy fell.\n");
  const peak = rssSampler();
  const store = openStore(base);
  if (topMatchBudget !== undefined) {
    store.rebuildTopMatches({ minMatches: Number.MAX_SAFE_INTEGER });
    store.rebuildTopMatches({ budget: topMatchBudget });
  }
  const started = performance.now();
  const { corpus } = await ingest(store, [file], { workers: 0 });
  const seconds = (performance.now() - started) / 1000;
  const rerun = performance.now();
  resolveCorpus(store);
  const corpusStageSeconds = (performance.now() - rerun) / 1000;
  if (postgres) store.removeFile(file);
  store.close();
  if (!postgres) removeDatabase(base);
  return {
    seconds,
    megabytes: readFileSync(file).length / 1e6,
    peakRssMb: peak(),
    detail: {
      corpusStageSeconds: Number(corpusStageSeconds.toFixed(2)),
      mode: corpus?.mode ?? "none",
      resolvedNames: corpus?.resolvedNames ?? 0,
      mergedAccounts: corpus?.mergedAccounts ?? 0,
    },
  };
}

/** The reference: the same files' paragraphs inserted into a bare FTS5 table, one transaction per file. */
export function fts5ReferencePhase(db: string, dirs: string[]): PhaseResult {
  removeDatabase(db);
  const files = dirs.flatMap(listFiles);
  const peak = rssSampler();
  const conn = new Database(db);
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.exec("CREATE VIRTUAL TABLE passages USING fts5(text)");
  const insert = conn.prepare("INSERT INTO passages(text) VALUES (?)");
  const insertFile = conn.transaction((paragraphs: string[]) => {
    for (const paragraph of paragraphs) insert.run(paragraph);
  });
  const started = performance.now();
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file.path, "utf8");
    bytes += file.size;
    insertFile(text.split(/\n\s*\n/).filter((p) => p.trim().length > 0));
  }
  const seconds = (performance.now() - started) / 1000;
  conn.close();
  return { seconds, megabytes: bytes / 1e6, peakRssMb: peak() };
}

type Latencies = { p50: number; p99: number; max: number };

export type SearchPhaseResult = PhaseResult &
  Latencies & { fullRanking: Latencies; topMatchBuildSeconds: number; topMatchQueries: number };

/** Latencies of the fixed queries, 3 rounds after a warm-up round. */
function latencies(store: Store, rounds: number): Latencies {
  const times: number[] = [];
  for (const query of BENCH_QUERIES) store.search(query, { limit: 10 });
  for (let round = 0; round < rounds; round++) {
    for (const query of BENCH_QUERIES) {
      const t = performance.now();
      store.search(query, { limit: 10 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1]! };
}

/**
 * Search latency as ingest left the base (top matches precomputed), then with the table emptied (every
 * query ranked in full by the engine), then the time to rebuild the table as ingest does.
 */
export function searchPhase(db: string, rounds = 3): SearchPhaseResult {
  const store = openStore(db);
  const peak = rssSampler();
  const started = performance.now();
  const withTable = latencies(store, rounds);
  const seconds = (performance.now() - started) / 1000;
  store.rebuildTopMatches({ minMatches: Number.MAX_SAFE_INTEGER });
  const fullRanking = latencies(store, rounds);
  const building = performance.now();
  store.rebuildTopMatches();
  const topMatchBuildSeconds = (performance.now() - building) / 1000;
  store.close();
  return {
    seconds,
    megabytes: 0,
    peakRssMb: peak(),
    ...withTable,
    fullRanking,
    topMatchBuildSeconds,
    topMatchQueries: countTopMatchQueries(db),
  };
}

function countTopMatchQueries(db: string): number {
  if (isPostgresUrl(db)) {
    const connection = new SyncPostgres(db);
    try {
      return connection.query<{ n: number }>("SELECT count(*)::int AS n FROM top_match_queries").rows[0]!.n;
    } finally {
      connection.close();
    }
  }
  const connection = new Database(db, { readonly: true });
  try {
    return (connection.prepare("SELECT count(*) AS n FROM top_match_queries").get() as { n: number }).n;
  } finally {
    connection.close();
  }
}

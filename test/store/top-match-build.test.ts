import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore } from "../../src/store/index.js";
import { loadBm25Given } from "../../src/store/sqlite/bm25-given.js";
import { BM25 } from "../../src/store/sqlite/fts5-match.js";
import { rankOnThreads, type RankTask } from "../../src/store/sqlite/threaded-ranking.js";
import { TopKRanking, type BestMatches } from "../../src/store/sqlite/top-k-ranking.js";
import { tempDir } from "../helpers/cli.js";
import { storeSeedPassages } from "./make-document.js";

type Kept = { expression: string; matches: number; kept: number; cutoff: number; list: [number, number][] };

describe("annals_top_k: the best k rows of a walk and the rows walked", () => {
  const db = new Database(":memory:");
  beforeAll(() => {
    expect(loadBm25Given(db)).toBe(true);
    db.exec("CREATE TABLE scored (rank REAL, id INTEGER)");
    const insert = db.prepare("INSERT INTO scored VALUES (?, ?)");
    // Few distinct ranks, so that many rows tie and the rowid decides.
    for (let id = 1; id <= 500; id++) insert.run(((id * 7919) % 13) / 3 - 4, (id * 104729) % 1000);
  });
  afterAll(() => db.close());

  const topK = (k: number, where = "1") => {
    const blob = db.prepare(`SELECT annals_top_k(rank, id, ?) FROM scored WHERE ${where}`).pluck().get(k) as Buffer;
    const rows: [number, number][] = [];
    for (let i = 8; i < blob.length; i += 16) rows.push([blob.readDoubleLE(i), Number(blob.readBigInt64LE(i + 8))]);
    return { count: Number(blob.readBigInt64LE(0)), rows };
  };
  const sorted = (k: number, where = "1") =>
    db.prepare(`SELECT rank, id FROM scored WHERE ${where} ORDER BY rank, id LIMIT ?`).raw().all(k);

  it("returns what ORDER BY rank, rowid LIMIT k returns, ties included, and counts every row", () => {
    for (const k of [1, 2, 17, 500, 800]) expect(topK(k)).toEqual({ count: 500, rows: sorted(k) });
    expect(topK(10, "id % 2 = 0")).toEqual({ count: 250, rows: sorted(10, "id % 2 = 0") });
  });

  it("counts nothing over no rows and refuses k below 1", () => {
    expect(topK(5, "0")).toEqual({ count: 0, rows: [] });
    expect(() => topK(0)).toThrow(/k must be at least 1/);
  });
});

describe("a top-match build on SQLite", () => {
  const path = join(tempDir("annals-top-build-"), "kb.db");
  const K = 5;
  const MIN = 3;

  beforeAll(() => {
    storeSeedPassages(path);
  });

  /** Rebuilds the table with `threads` and reads it back, each kept list as [rowid, rank] in order. */
  const build = (threads: number): Kept[] => {
    const store = openStore(path);
    store.rebuildTopMatches({ k: K, minMatches: MIN, threads, rebuildShare: -1 });
    store.close();
    const db = new Database(path, { readonly: true });
    const list = db
      .prepare("SELECT passage_id, rank FROM top_matches WHERE query_id = ? ORDER BY rank, passage_id")
      .raw();
    const queries = db
      .prepare("SELECT id, expression, matches, kept, cutoff FROM top_match_queries ORDER BY expression")
      .all() as (Omit<Kept, "list"> & { id: number })[];
    const rows = queries.map(({ id, ...query }) => ({ ...query, list: list.all(id) as [number, number][] }));
    db.close();
    return rows;
  };

  it("ranks on threads what it ranks on the calling thread", () => {
    const inline = build(0);
    expect(inline.length).toBeGreaterThan(20);
    expect(build(2)).toEqual(inline);
  });

  it("keeps each expression's best passages as FTS5's bm25() orders them, with every match counted", () => {
    const kept = build(2);
    const db = new Database(path, { readonly: true });
    const count = db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?").pluck();
    const best = db
      .prepare(
        `SELECT rowid, ${BM25} AS rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank, rowid LIMIT ?`,
      )
      .raw();
    for (const query of kept) {
      const rows = best.all(query.expression, K) as [number, number][];
      expect(query.matches).toBe(count.get(query.expression));
      expect(query.list).toEqual(rows);
      expect(query.kept).toBe(rows.length);
      expect(query.cutoff).toBe(-rows.at(-1)![1]);
    }
    db.close();
  });

  it("ranks on the calling thread what a thread that cannot open the database leaves, and says so", () => {
    const db = new Database(path, { readonly: true });
    expect(loadBm25Given(db)).toBe(true);
    const inline = new TopKRanking(db);
    // One phrase each, so that an expression's own count is its phrase's.
    const tasks: RankTask[] = build(0)
      .filter((query) => /^(terms|keys) : "[^"]+"$/.test(query.expression))
      .map((query) => ({ expression: query.expression, phraseCounts: String(count(db, query.expression)) }));
    expect(tasks.length).toBeGreaterThan(10);
    const onWarning = vi.fn();
    process.on("warning", onWarning);
    const results: (BestMatches | undefined)[] = [];
    rankOnThreads(join(path, "missing.db"), tasks, { k: K, minMatches: MIN, threads: 2, inline }, (i, result) => {
      results[i] = result;
    });
    const expected = tasks.map((task) => inline.best(task.expression, task.phraseCounts, K, MIN));
    expect(results).toEqual(expected);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        process.off("warning", onWarning);
        expect(onWarning).toHaveBeenCalledTimes(1);
        expect(String(onWarning.mock.calls[0]![0])).toMatch(/ranked on one thread/);
        db.close();
        resolve();
      }),
    );
  });
});

function count(db: Database.Database, expression: string): number {
  return db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?").pluck().get(expression) as number;
}

import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { parseQuery } from "../../src/search/query.js";
import { openStore } from "../../src/store/index.js";
import { loadBm25Given } from "../../src/store/sqlite/bm25-given.js";
import { BM25, toFts5Match } from "../../src/store/sqlite/fts5-match.js";
import { restOfTwoClauses } from "../../src/store/sqlite/rest-of-two-clauses.js";
import { PhraseCounts, SqliteTopMatches } from "../../src/store/sqlite/top-matches.js";
import { tempDir } from "../helpers/cli.js";
import { SEEDS_DIR } from "./make-document.js";

/** Two clauses each: both frequent (kept lists of 5), one frequent and one rare, phrases, an inflected word, a prefix, none matching. */
const QUERIES = [
  "Qasim coup",
  "Baghdad army",
  "Kassem revolution",
  "coup zebra",
  '"National Guard" Baghdad',
  "officers executed",
  "revol* Arif",
  "Iraqi–Soviet relations",
  "NEAR(coup army)",
  "zebra okapi",
];
const LIMITS = [1, 3, 5, 8, 40];

describe("the rest pass of two clauses, each clause ranked alone", () => {
  const path = join(tempDir("annals-rest-"), "kb.db");
  let db: Database.Database;

  /** The passages matching some clause and not both, ranked by the "any" expression as FTS5 ranks it. */
  const reference = (input: string, limit: number) => {
    const query = parseQuery(input);
    return db
      .prepare(
        `SELECT f.rowid AS passage_id, ${BM25} AS rank FROM passages_fts f
        WHERE passages_fts MATCH ? AND f.rowid NOT IN (SELECT rowid FROM passages_fts a WHERE a.passages_fts MATCH ?)
        ORDER BY rank, f.rowid LIMIT ?`,
      )
      .all(toFts5Match(query, "any"), toFts5Match(query, "all"), limit);
  };

  const answered = (givenCounts: boolean) => {
    const topMatches = new SqliteTopMatches(db, givenCounts);
    const sources = { statement: (sql: string) => db.prepare(sql), topMatches, counts: new PhraseCounts(topMatches) };
    return QUERIES.flatMap((input) =>
      LIMITS.map((limit) => ({
        input,
        limit,
        rows: restOfTwoClauses(parseQuery(input), limit, sources),
        expected: reference(input, limit),
      })),
    );
  };

  beforeAll(async () => {
    const store = openStore(path);
    await ingest(store, [SEEDS_DIR], { workers: 0, extract: false, topMatches: { k: 5, minMatches: 3 } });
    store.close();
    db = new Database(path);
    loadBm25Given(db);
  });
  afterAll(() => db.close());

  it.each([true, false])("gives FTS5's ranking of the rest pass, or nothing (counts given: %s)", (givenCounts) => {
    const cases = answered(givenCounts);
    const told = cases.filter((c) => c.rows !== undefined);
    expect(told.length).toBeGreaterThan(cases.length / 3);
    expect(told.filter((c) => c.expected.length >= c.limit).length).toBeGreaterThan(10);
    for (const { input, limit, rows, expected } of told)
      expect({ input, limit, rows }).toEqual({ input, limit, rows: expected });
  });

  it("has kept lists for the inflected words of frequent lemmas, as searched", () => {
    const topMatches = new SqliteTopMatches(db, true);
    const inflected = topMatches.inflectedWords(topMatches.frequentTerms(3));
    const kept = inflected.filter((word) => topMatches.lookup(toFts5Match(parseQuery(word), "all")!));
    expect(kept).toContain("officers");
    expect(kept.length).toBeGreaterThan(inflected.length / 2);
  });

  it("leaves a kept list that cannot tell its best to the caller", () => {
    const cases = answered(true);
    expect(cases.some((c) => c.rows === undefined && c.expected.length > 0)).toBe(true);
  });
});

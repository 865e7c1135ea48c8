import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "../../src/search/query.js";
import { openStore } from "../../src/store/index.js";
import { loadBm25Given } from "../../src/store/sqlite/bm25-given.js";
import { BM25, BM25_GIVEN_COUNTS, toFts5Match } from "../../src/store/sqlite/fts5-match.js";
import { PhraseCounts, SqliteTopMatches } from "../../src/store/sqlite/top-matches.js";
import { tempDir } from "../helpers/cli.js";
import { makeRecord, seedDocuments, storeSeedPassages } from "./make-document.js";

/** Words, names with transliteration keys, phrases, prefixes, exclusions, OR, NEAR and a word no passage holds. */
const QUERIES = [
  "Qasim",
  "Kassem coup",
  "Baghdad revolution army",
  '"National Guard"',
  "revol*",
  "coup -Baghdad",
  'officers -"death train" -Arif',
  "coup OR zebra",
  "NEAR(coup army)",
  "Iraqi–Soviet relations",
  "zebra",
];

type Row = { rowid: number; rank: number };

describe("annals_bm25: FTS5's bm25 with each phrase's passage count given", () => {
  const path = join(tempDir("annals-bm25-"), "kb.db");
  let db: Database.Database;

  const ranked = (score: string, params: unknown[], match: string) =>
    db
      .prepare(`SELECT rowid, ${score} AS rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid`)
      .all(...params, match) as Row[];

  /** Every query's every match scored both ways, for the "all" and "any" expressions. */
  const bothWays = () => {
    const counts = new PhraseCounts(new SqliteTopMatches(db, true));
    return QUERIES.flatMap((input) => {
      const query = parseQuery(input);
      return (["all", "any"] as const).map((pass) => {
        const match = toFts5Match(query, pass)!;
        return { engine: ranked(BM25, [], match), given: ranked(BM25_GIVEN_COUNTS, [counts.argument(query)], match) };
      });
    });
  };

  beforeAll(() => {
    storeSeedPassages(path);
    db = new Database(path);
    expect(loadBm25Given(db)).toBe(true);
  });
  afterAll(() => db.close());

  it("is loaded by the SQLite store the set-up builds", () => {
    const store = openStore(path);
    expect(store.capabilities.rankingCountsGiven).toBe(true);
    store.close();
  });

  it("scores every match bit for bit as bm25() does, counting each phrase", () => {
    const cases = bothWays();
    expect(cases.filter((c) => c.engine.length > 0).length).toBeGreaterThan(QUERIES.length);
    for (const { engine, given } of cases) expect(given).toEqual(engine);
  });

  it("scores as bm25() with the counts read from the kept lists of a top-match build", () => {
    const store = openStore(path);
    store.rebuildTopMatches({ k: 5, minMatches: 3 });
    store.close();
    const kept = db.prepare("SELECT count(*) AS n FROM top_match_queries WHERE expression LIKE 'terms : %'").get() as {
      n: number;
    };
    expect(kept.n).toBeGreaterThan(20);
    for (const { engine, given } of bothWays()) expect(given).toEqual(engine);
  });

  it("scores as bm25() after passages are rewritten, through its own connection and another", () => {
    const rewrite = (store: ReturnType<typeof openStore>, words: string) => {
      const document = seedDocuments().at(-1)!;
      const text = `${document.text}\n\n${words}`;
      const file = {
        path: document.path,
        contentHash: `${document.id}-${words.length}`,
        size: text.length,
        mtimeMs: 1,
      };
      store.replaceFile(file, [makeRecord({ ...document, text })]);
    };
    for (const { engine, given } of bothWays()) expect(given).toEqual(engine);
    rewrite(openStore(path), "Qasim coup army Baghdad revolution ".repeat(40));
    for (const { engine, given } of bothWays()) expect(given).toEqual(engine);

    const store = openStore(path);
    const searches = () =>
      QUERIES.map((query) => store.search(query, { limit: 50 }).hits.map((h) => [h.start, h.score]));
    for (let round = 0; round < 5; round++) searches();
    rewrite(store, "Kassem ".repeat(7));
    const fresh = openStore(path);
    const expected = QUERIES.map((query) => fresh.search(query, { limit: 50 }).hits.map((h) => [h.start, h.score]));
    expect(searches()).toEqual(expected);
    fresh.close();
    store.close();
  });

  it("refuses counts that do not give one number a phrase", () => {
    const match = toFts5Match(parseQuery("Kassem coup"), "all")!;
    expect(() => ranked(BM25_GIVEN_COUNTS, ["12,3"], match)).toThrow(/one a phrase/);
    expect(() => ranked(BM25_GIVEN_COUNTS, ["1,2,3,x"], match)).toThrow(/one a phrase/);
  });
});

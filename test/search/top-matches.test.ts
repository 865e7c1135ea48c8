import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import type { SearchOptions } from "../../src/search/types.js";
import { openStore, type Store } from "../../src/store/index.js";
import { backends } from "../store/backends.js";
import { tempDir } from "../helpers/cli.js";

/** Small sizes so that the frequent words of a generated corpus have several times k matches; k still holds a first page (21 rows). */
const TOP = { k: 30, minMatches: 40 };
const FILLER = "the old town stood by a quiet road where traders met each morning".split(" ");

/** Paragraphs (one passage each: over 300 characters) of varying length where "river" is in most, "delta" in some, and counts differ, so scores differ. */
function generatedDocument(n: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 14; p++) {
    const length = 60 + ((n * 7 + p * 3) % 40);
    const words = Array.from({ length }, (_, i) => FILLER[(i + n + p) % FILLER.length]!);
    const rivers = (n + p) % 5;
    for (let r = 0; r < rivers; r++) words.splice((r * 5) % words.length, 0, "river");
    if ((n * p) % 3 === 0) words.push("delta");
    paragraphs.push(`${words.join(" ")} in year ${1950 + ((n + p) % 9)}.`);
  }
  return paragraphs.join("\n\n");
}

function hits(store: Store, query: string, options: SearchOptions) {
  const result = store.search(query, { ...options, countTotal: true });
  return { total: result.total, hits: result.hits.map((h) => [h.document.id, h.start, h.score]) };
}

const QUERIES = ["river", "River", "delta", "river delta", "river -delta", '"the old"', "delta OR town"];

describe.each(backends)("precomputed top matches on $name", (backend) => {
  const dir = tempDir("annals-top-");
  let store: Store;
  let documentIds: string[];
  let cases: SearchOptions[];

  const everyCase = () => cases.flatMap((options) => QUERIES.map((query) => hits(store, query, options)));
  /** Every case as the table answers it now, beside the full ranking (the table emptied). */
  const compareWithFullRanking = () => {
    const fast = everyCase();
    store.rebuildTopMatches({ minMatches: Number.MAX_SAFE_INTEGER });
    expect(fast).toEqual(everyCase());
  };

  beforeAll(async () => {
    for (let n = 0; n < 10; n++) writeFileSync(join(dir, `doc-${n}.txt`), generatedDocument(n));
    store = backend.open();
    await ingest(store, [dir], { workers: 0, extract: false, topMatches: TOP });
    documentIds = store.listDocuments().map((d) => d.id);
    cases = [
      {},
      { limit: 3 },
      { limit: 5, offset: 2 },
      { limit: 20 },
      { limit: 4, documentIds: documentIds.slice(1) },
      { limit: 10, documentIds: documentIds.slice(0, 1) },
    ];
  });
  afterAll(() => store.close());

  it("gives the full ranking's results and totals, single and multi-word, with and without filters", () => {
    compareWithFullRanking();
    const river = hits(store, "river", { limit: 20 });
    expect(river.total).toBeGreaterThan(TOP.k * 3);
    expect(river.hits).toHaveLength(20);
  });

  it("stays exact after another ingest adds passages", async () => {
    writeFileSync(join(dir, "doc-late.txt"), generatedDocument(42).replaceAll("road", "river river river"));
    store.rebuildTopMatches(TOP);
    await ingest(store, [dir], { workers: 0, extract: false, topMatches: TOP });
    compareWithFullRanking();
  });
});

describe("the top-match table on SQLite", () => {
  const dir = tempDir("annals-top-sqlite-");
  const db = join(dir, "kb.db");
  const rows = (sql: string) => {
    const connection = new Database(db, { readonly: true });
    try {
      return (connection.prepare(sql).get() as { n: number }).n;
    } finally {
      connection.close();
    }
  };

  it("holds the frequent words after ingest and is emptied by any passage write", async () => {
    for (let n = 0; n < 4; n++) writeFileSync(join(dir, `doc-${n}.txt`), generatedDocument(n));
    const store = openStore(db);
    try {
      await ingest(store, [dir], { workers: 0, extract: false, topMatches: TOP });
      expect(rows("SELECT count(*) AS n FROM top_match_queries WHERE expression LIKE '%\"river\"%'")).toBeGreaterThan(
        0,
      );
      expect(rows("SELECT max(kept) AS n FROM top_match_queries")).toBe(TOP.k);
      store.removeFile(join(dir, "doc-0.txt"));
      expect(rows("SELECT count(*) AS n FROM top_matches")).toBe(0);
    } finally {
      store.close();
    }
  });
});

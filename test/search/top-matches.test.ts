import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import type { SearchOptions } from "../../src/search/types.js";
import { openStore, type Store } from "../../src/store/index.js";
import { backends, postgresUrl } from "../store/backends.js";
import { SyncPostgres } from "../../src/store/postgres/sync-client.js";
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

/** One-word queries kept whole, several words (each kept, or some rare), an inflected form, phrases, and a word no passage holds (the "rest" pass). */
const QUERIES = [
  "river",
  "River",
  "delta",
  "river delta",
  "river -delta",
  '"the old"',
  "delta OR town",
  "rivers",
  "traders town river",
  "river zebra",
  "river OR quiet stood",
];

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

/** One write to a knowledge base: a new file (its generator seed, with "river" made more frequent or not), a file rewritten, or a file removed. */
type Step =
  | { kind: "add"; seed: number; boosted: boolean }
  | { kind: "rewrite"; file: number; seed: number }
  | { kind: "remove"; file: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), seed: fc.nat(60), boosted: fc.boolean() }),
  fc.record({ kind: fc.constant("rewrite" as const), file: fc.nat(), seed: fc.nat(60) }),
  fc.record({ kind: fc.constant("remove" as const), file: fc.nat() }),
);

function contents(seed: number, boosted: boolean): string {
  const text = generatedDocument(seed);
  return boosted ? text.replaceAll("quiet", "river river") : text;
}

describe.each(backends)("precomputed top matches through adds and removals on $name", (backend) => {
  /**
   * The default budget lasts a few of these files on PostgreSQL, and on SQLite half the passages
   * written keeps the table through several writes before a rebuild: some sequences outrun each and some do not.
   */
  const options = { ...TOP, rebuildShare: 0.5 };
  const queries = ["river", "River", "town", "delta", "river town", "rivers road", "river zebra"];

  it("answers every page as the full ranking does after each write", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const dir = tempDir(`annals-top-run-${run++}-`);
        const files: string[] = [];
        const fast = backend.open();
        const full = backend.open();
        const write = async (path: string, text: string) => {
          writeFileSync(path, text);
          await ingest(fast, [path], { workers: 0, extract: false, topMatches: options });
          await ingest(full, [path], {
            workers: 0,
            extract: false,
            topMatches: { minMatches: Number.MAX_SAFE_INTEGER },
          });
        };
        const answers = (store: Store) => {
          const firstDocuments = store
            .listDocuments()
            .slice(0, 2)
            .map((d) => d.id);
          const cases: SearchOptions[] = [
            {},
            { limit: 3 },
            { limit: 5, offset: 2 },
            { limit: 40 },
            { limit: 4, documentIds: firstDocuments },
          ];
          return cases.flatMap((c) => queries.map((q) => hits(store, q, c)));
        };
        try {
          for (let n = 0; n < 5; n++) {
            files.push(join(dir, `doc-${n}.txt`));
            await write(files[n]!, contents(n, false));
          }
          for (const [i, s] of steps.entries()) {
            if (s.kind === "add") {
              files.push(join(dir, `added-${i}.txt`));
              await write(files.at(-1)!, contents(s.seed, s.boosted));
            } else if (files.length > 0 && s.kind === "rewrite") {
              await write(files[s.file % files.length]!, contents(s.seed, true));
            } else if (files.length > 0) {
              const [removed] = files.splice(s.file % files.length, 1);
              fast.removeFile(removed!);
              full.removeFile(removed!);
            }
            expect(answers(fast)).toEqual(answers(full));
          }
        } finally {
          fast.close();
          full.close();
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});

describe("the top-match table on SQLite", () => {
  const rows = (db: string, sql: string) => {
    const connection = new Database(db, { readonly: true });
    try {
      return (connection.prepare(sql).get() as { n: number }).n;
    } finally {
      connection.close();
    }
  };
  const riverQueries = "SELECT count(*) AS n FROM top_match_queries WHERE expression LIKE '%\"river\"%'";

  it("is kept through a small add and a removal, rescored exactly, and rebuilt once the writes pass its share", async () => {
    const dir = tempDir("annals-top-sqlite-");
    const db = join(dir, "kb.db");
    for (let n = 0; n < 8; n++) writeFileSync(join(dir, `doc-${n}.txt`), generatedDocument(n));
    const store = openStore(db);
    let full: Store | undefined;
    const add = async (path: string) => {
      await ingest(store, [path], { workers: 0, extract: false, topMatches: TOP });
      await ingest(full!, [path], { workers: 0, extract: false, topMatches: { minMatches: Number.MAX_SAFE_INTEGER } });
    };
    const same = () => {
      for (const query of ["river", "River", "delta", "town"]) {
        for (const options of [{}, { limit: 3 }, { limit: 5, offset: 4 }]) {
          expect(hits(store, query, options)).toEqual(hits(full!, query, options));
        }
      }
    };
    try {
      await ingest(store, [dir], { workers: 0, extract: false, topMatches: TOP });
      full = fullRankingCopy(db);
      const kept = rows(db, riverQueries);
      expect(kept).toBeGreaterThan(0);
      expect(rows(db, "SELECT max(kept) AS n FROM top_match_queries")).toBe(TOP.k);

      const small = join(dir, "late.txt");
      writeFileSync(small, contents(11, true).replaceAll("road", "river river").split("\n\n").slice(0, 2).join("\n\n"));
      await add(small);
      expect(store.search("river", { limit: 1 }).hits[0]!.document.path).toBe(small);
      expect(rows(db, riverQueries)).toBe(kept);
      expect(rows(db, "SELECT count(*) AS n FROM top_match_written")).toBe(2);
      same();

      store.removeFile(join(dir, "doc-0.txt"));
      full.removeFile(join(dir, "doc-0.txt"));
      expect(rows(db, "SELECT count(*) AS n FROM top_match_written")).toBe(16);
      same();

      writeFileSync(join(dir, "doc-1.txt"), contents(30, true));
      await add(join(dir, "doc-1.txt"));
      expect(rows(db, "SELECT count(*) AS n FROM top_match_written")).toBe(0);
      expect(rows(db, riverQueries)).toBeGreaterThan(0);
      same();
    } finally {
      store.close();
      full?.close();
    }
  });
});

/**
 * A copy of the base at `db` that ranks every match: a copy, not a second ingest, since files ingested
 * together are stored in the order their reads end, and tied scores are ordered by passage id.
 */
function fullRankingCopy(db: string): Store {
  const copy = join(tempDir("annals-top-full-"), "kb.db");
  const connection = new Database(db);
  connection.exec(`VACUUM INTO '${copy}'`);
  connection.close();
  const store = openStore(copy);
  store.rebuildTopMatches({ minMatches: Number.MAX_SAFE_INTEGER });
  return store;
}

describe("a query of several precomputed words on SQLite", () => {
  it("is answered from the words' kept matches, bounded by the sum of their cutoffs", async () => {
    const dir = tempDir("annals-top-clauses-");
    for (let n = 0; n < 10; n++) writeFileSync(join(dir, `doc-${n}.txt`), generatedDocument(n));
    const db = join(dir, "kb.db");
    const store = openStore(db);
    try {
      await ingest(store, [dir], { workers: 0, extract: false, topMatches: TOP });
      const answer = () => hits(store, "river town", { limit: 5 }).hits;
      const exact = answer();
      // Dropping the best passage from both words' tables and zeroing their cutoffs must change the answer
      // if, and only if, it comes from the tables.
      const connection = new Database(db);
      const [bestId] = store.search("river town", { limit: 1 }).hits.map((h) => [h.document.id, h.start]);
      const passage = connection
        .prepare(
          "SELECT p.id FROM passages p JOIN documents d ON d.rowid = p.document_rowid WHERE d.id = ? AND p.start = ?",
        )
        .get(...bestId!) as { id: number };
      const words =
        "SELECT id FROM top_match_queries WHERE expression IN (SELECT expression FROM top_match_queries WHERE expression LIKE '%\"river\"%' OR expression LIKE '%\"town\"%')";
      const tables = connection.prepare(words).all() as { id: number }[];
      expect(tables.length).toBeGreaterThanOrEqual(2);
      connection.prepare(`DELETE FROM top_matches WHERE passage_id = ? AND query_id IN (${words})`).run(passage.id);
      connection.prepare(`UPDATE top_match_queries SET cutoff = 0 WHERE id IN (${words})`).run();
      connection.close();
      expect(answer()[0]).not.toEqual(exact[0]);
      expect(answer().slice(0, 4)).toEqual(exact.slice(1, 5));
    } finally {
      store.close();
    }
  });
});

/** One paragraph (a passage) of `length` words with "river" `rivers` times, told apart by its closing year. */
function paragraph(length: number, rivers: number, seed: number): string {
  const words = Array.from({ length }, (_, i) => FILLER[(i * 7 + seed) % FILLER.length]!);
  for (let r = 0; r < rivers; r++) words[(r * 13 + seed) % length] = "river";
  return `${words.join(" ")} in year ${1000 + seed * 7 + length}.`;
}

// PostgreSQL's rank depends on the passage alone (passage_rank()): nothing left out climbs there.
const averageSensitive = backends.filter((backend) => backend.name === "sqlite");

describe.each(averageSensitive)("precomputed top matches when the average passage grows on $name", (backend) => {
  it("gives long passages left out of the table the rank they climb to", async () => {
    const dir = tempDir("annals-top-climb-");
    const files = (name: string, paragraphs: string[]) => {
      mkdirSync(join(dir, name));
      paragraphs.forEach((text, i) => writeFileSync(join(dir, name, `${i}.txt`), text));
      return join(dir, name);
    };
    // Short passages with "river" three times outrank long ones with it eight times, and fill the table.
    const built = files("built", [
      ...Array.from({ length: 30 }, (_, i) => paragraph(50, 3, i)),
      ...Array.from({ length: 6 }, (_, i) => paragraph(180, 8, i)),
      ...Array.from({ length: 60 }, (_, i) => paragraph(50, 0, i + 100)),
    ]);
    // Long passages without it raise the average length, which favours the long ones.
    const added = files(
      "added",
      Array.from({ length: 80 }, (_, i) => paragraph(185, 0, i + 300)),
    );
    const fast = backend.open();
    const full = backend.open();
    try {
      for (const folder of [built, added]) {
        await ingest(fast, [folder], {
          workers: 0,
          extract: false,
          topMatches: { k: 25, minMatches: 10, rebuildShare: 1 },
        });
        await ingest(full, [folder], {
          workers: 0,
          extract: false,
          topMatches: { minMatches: Number.MAX_SAFE_INTEGER },
        });
        expect(hits(fast, "river", { limit: 10 })).toEqual(hits(full, "river", { limit: 10 }));
      }
      const best = full.search("river", { limit: 1 }).hits[0]!;
      expect(best.text.split(" ").length).toBeGreaterThan(150);
    } finally {
      fast.close();
      full.close();
    }
  });
});

describe.runIf(backends.some((b) => b.name === "postgres"))("the top-match table on PostgreSQL", () => {
  const dir = tempDir("annals-top-postgres-");

  it("keeps the frequent words through a small add and a removal, and is left for a rebuild past its budget", async () => {
    for (let n = 0; n < 4; n++) writeFileSync(join(dir, `doc-${n}.txt`), generatedDocument(n));
    const url = postgresUrl();
    const store = openStore(url);
    const db = new SyncPostgres(url);
    const count = (sql: string) => db.query<{ n: number }>(sql).rows[0]!.n;
    const river = "SELECT count(*)::int AS n FROM top_match_queries WHERE expression LIKE '%''river''%'";
    try {
      await ingest(store, [dir], { workers: 0, extract: false, topMatches: TOP });
      expect(count(river)).toBeGreaterThan(0);
      const matches = "SELECT max(matches)::int AS n FROM top_match_queries WHERE expression LIKE '%''river''%'";
      const before = count(matches);
      writeFileSync(join(dir, "doc-late.txt"), generatedDocument(7));
      await ingest(store, [join(dir, "doc-late.txt")], { workers: 0, extract: false, topMatches: TOP });
      const riverParagraphs = 11;
      expect(count(matches)).toBe(before + riverParagraphs);
      store.removeFile(join(dir, "doc-0.txt"));
      expect(count(river)).toBeGreaterThan(0);
      expect(count(matches)).toBe(before);
      store.rebuildTopMatches({ ...TOP, minMatches: TOP.minMatches + 1 });
      store.rebuildTopMatches({ ...TOP, budget: 0 });
      store.removeFile(join(dir, "doc-1.txt"));
      expect(count("SELECT count(*)::int AS n FROM top_match_queries")).toBe(0);
    } finally {
      db.close();
      store.close();
    }
  });
});

import type Database from "better-sqlite3";
import type { ParsedQuery } from "../../core/query-tree.js";
import { availableParallelism } from "node:os";
import type { TopMatchIndex, TopMatchOptions, TopMatchQuery } from "../../search/top-matches.js";
import { columnPhrase, matchPhrases, toFts5Match } from "./fts5-match.js";
import { topMatchPlan, type TopMatchPlan } from "./top-match-plan.js";
import { SortedRanking, TopKRanking, type BestMatches } from "./top-k-ranking.js";
import { canRankOnThreads, rankOnThreads, type RankTask } from "./threaded-ranking.js";

/** A precomputed query with what a search needs to tell whether its kept matches still answer exactly. */
export interface SqliteTopMatch extends TopMatchQuery {
  /** Score (higher is better) of the last kept match at the build: no passage left out scored more. */
  cutoff: number;
  /** Passages holding each phrase of the query at the build (for the IDFs of BM25). */
  phraseMatches: number[];
}

/** What BM25 reads of the whole index: passages and tokens (every column). */
interface Totals {
  passages: number;
  tokens: number;
}

interface FrequentToken {
  term: string;
  col: "terms" | "keys";
  doc: number;
}

/** Matches (summed over each task's phrases) from which a build ranks on threads by default (TopMatchOptions.threads). */
const THREADED_BUILD_MATCHES = 1_000_000;

/** FTS5's clamp of a phrase found in half the rows or more (fts5_aux.c). */
const MIN_IDF = 1e-6;

/**
 * The tables `top_match_queries` and `top_matches` (migration 10), keyed by FTS5 MATCH expression,
 * `top_match_build` (the options of the last build and the index totals then) and
 * `top_match_written`: every passage id inserted (listed by the store's insert) or deleted (by a trigger) since.
 *
 * A write changes every BM25 score (IDFs and the average length move), so after writes a search
 * rescores the kept matches and the written passages with FTS5 and uses them only when the page's
 * last score beats `cutoff × growth`: the most that a passage left out at the build can score now.
 */
export class SqliteTopMatches implements TopMatchIndex {
  private readonly lookupStatement: Database.Statement;
  private readonly writtenStatement: Database.Statement;
  private readonly buildStatement: Database.Statement;
  private readonly totalsStatement: Database.Statement;
  private readonly countStatement: Database.Statement;
  private readonly passagesStatement: Database.Statement;
  private readonly changes: Database.Statement;
  private vocabulary: { version: string; rows: FrequentToken[] } | undefined;

  /** `givenCounts`: annals_bm25 is loaded (bm25-given.ts), so scores need no walk of each phrase's doclist. */
  constructor(
    private readonly db: Database.Database,
    readonly givenCounts: boolean,
  ) {
    this.lookupStatement = db.prepare(
      "SELECT id, matches, kept, cutoff, phrase_matches FROM top_match_queries WHERE expression = ?",
    );
    this.writtenStatement = db.prepare("SELECT count(*) AS n FROM top_match_written");
    this.buildStatement = db.prepare("SELECT passages, tokens, min_matches FROM top_match_build");
    this.countStatement = db.prepare(
      "SELECT count(*) AS n FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)",
    );
    this.passagesStatement = db.prepare("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?").pluck();
    this.changes = db.prepare("SELECT total_changes()").pluck();
    // FTS5's averages record (rowid 1 of its data table): varints of the row count, then each column's token count.
    this.totalsStatement = db.prepare("SELECT block FROM passages_fts_data WHERE id = 1");
  }

  lookup(expression: string): SqliteTopMatch | undefined {
    const row = this.lookupStatement.get(expression) as
      (TopMatchQuery & { cutoff: number; phrase_matches: string }) | undefined;
    if (!row) return undefined;
    const { phrase_matches, ...query } = row;
    return { ...query, phraseMatches: JSON.parse(phrase_matches) as number[] };
  }

  /** Where the best matches of a query without a kept list of its own can be (top-match-plan.ts); undefined without a table. */
  plan(query: ParsedQuery, pass: "all" | "rest", counts: PhraseCounts): TopMatchPlan | undefined {
    const build = this.buildStatement.get() as (Totals & { min_matches: number }) | undefined;
    if (!build) return undefined;
    const written = counts.written > 0;
    return topMatchPlan(
      query,
      pass,
      {
        lookup: (expression) => this.lookup(expression),
        growth: (top) => (written ? this.growth(top) : 1),
        count: (phrase, atMost) => counts.upTo(phrase, atMost),
      },
      build.min_matches,
    );
  }

  /** Passages holding `phrase`, counted up to `limit` (-1: all). */
  countPhrase(phrase: string, limit: number): number {
    return (this.countStatement.get(phrase, limit) as { n: number }).n;
  }

  /** The ids of the passages holding `phrase`, up to `limit`. */
  phrasePassages(phrase: string, limit: number): number[] {
    return this.passagesStatement.all(phrase, limit) as number[];
  }

  /** Passages inserted or deleted since the build: 0 when the kept scores are still the engine's. */
  written(): number {
    return (this.writtenStatement.get() as { n: number }).n;
  }

  /**
   * The most a passage's score can have grown relative to the build, for passages not written since:
   * max over phrases of IDF now / IDF then, times max(1, average length now / then) (BM25's term part
   * grows at most as the average length). A phrase's passages now are at least those then less the
   * ids written, so its IDF now is at most that of that count.
   */
  growth(top: SqliteTopMatch): number {
    const build = this.buildStatement.get() as Totals;
    const now = this.totals();
    const written = this.written();
    const idf = (passages: number, matching: number) =>
      Math.max(MIN_IDF, Math.log((passages - matching + 0.5) / (matching + 0.5)));
    let factor = 1;
    for (const matching of top.phraseMatches) {
      if (matching === 0) continue;
      factor = Math.max(factor, idf(now.passages, Math.max(0, matching - written)) / idf(build.passages, matching));
    }
    const averageGrowth = now.tokens / now.passages / (build.tokens / build.passages);
    return factor * Math.max(1, averageGrowth);
  }

  isBuiltWith(k: number, minMatches: number, rebuildShare: number): boolean {
    const row = this.db
      .prepare("SELECT passages FROM top_match_build WHERE k = ? AND min_matches = ?")
      .get(k, minMatches) as { passages: number } | undefined;
    return row !== undefined && this.written() <= rebuildShare * row.passages;
  }

  frequentTerms(minMatches: number): string[] {
    return this.frequentTokens(minMatches)
      .filter((row) => row.col === "terms")
      .map((row) => row.term);
  }

  inflectedWords(lemmas: readonly string[]): string[] {
    const rows = this.db
      .prepare(
        `WITH lemmas(lemma) AS (SELECT value FROM json_each(?))
        SELECT DISTINCT lower(word) AS word FROM lexicon
        WHERE stop = 0 AND lemma IN lemmas AND lower(word) NOT IN lemmas ORDER BY 1`,
      )
      .all(JSON.stringify(lemmas)) as { word: string }[];
    return rows.map((row) => row.word);
  }

  /**
   * Tokens of either column found in at least `minMatches` passages, with how many (most first): one
   * scan of the whole vocabulary, remembered until the database changes (a build asks three times).
   */
  private frequentTokens(minMatches: number): FrequentToken[] {
    const version = `${minMatches} ${this.db.pragma("data_version", { simple: true })} ${this.changes.get()}`;
    if (this.vocabulary?.version !== version) {
      this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab USING fts5vocab(main, passages_fts, col)");
      const rows = this.db
        .prepare("SELECT term, col, doc FROM temp.passages_vocab WHERE doc >= ? ORDER BY doc DESC, col DESC, term")
        .all(minMatches) as FrequentToken[];
      this.vocabulary = { version, rows };
    }
    return this.vocabulary.rows;
  }

  replaceTopMatches(
    queries: readonly ParsedQuery[],
    k: number,
    minMatches: number,
    options: Pick<TopMatchOptions, "threads">,
  ): void {
    const tokens = this.frequentTokens(minMatches);
    const tasks = this.buildTasks(queries, tokens);
    const inline = this.givenCounts ? new TopKRanking(this.db) : new SortedRanking(this.db);
    const threads = this.rankingThreads(tasks, options.threads);
    const insertQuery = this.db.prepare(
      "INSERT INTO top_match_queries (expression, matches, kept, cutoff, phrase_matches) VALUES (?, ?, ?, ?, ?)",
    );
    const insertMatch = this.db.prepare("INSERT INTO top_matches (query_id, rank, passage_id) VALUES (?, ?, ?)");
    const take = (index: number, best: BestMatches | undefined) => {
      if (!best) return;
      const task = tasks[index]!;
      const cutoff = best.ranks.length > 0 ? -best.ranks[best.ranks.length - 1]! : 0;
      const queryId = insertQuery.run(
        task.expression,
        best.matches,
        best.ranks.length,
        cutoff,
        `[${task.phraseCounts}]`,
      ).lastInsertRowid;
      for (let i = 0; i < best.ranks.length; i++) insertMatch.run(queryId, best.ranks[i], best.passages[i]);
    };
    this.db
      .transaction(() => {
        this.db.exec(`DELETE FROM top_matches; DELETE FROM top_match_queries; DELETE FROM top_match_build;
          DELETE FROM top_match_written;`);
        if (threads > 0) rankOnThreads(this.db.name, tasks, { k, minMatches, threads, inline }, take);
        else tasks.forEach((task, i) => take(i, inline.best(task.expression, task.phraseCounts, k, minMatches)));
        const totals = this.totals();
        this.db
          .prepare("INSERT INTO top_match_build (k, min_matches, passages, tokens) VALUES (?, ?, ?, ?)")
          .run(k, minMatches, totals.passages, totals.tokens);
      })
      .immediate();
  }

  /**
   * Each query's "all" expression once, then each frequent token's own phrase, with the passage counts
   * of their phrases: a phrase of one token the vocabulary lists is counted there, the others hold
   * fewer than `minMatches` and are counted by a walk.
   */
  private buildTasks(queries: readonly ParsedQuery[], tokens: readonly FrequentToken[]): RankTask[] {
    const frequent = new Map(tokens.map((row) => [columnPhrase(row.col, row.term), row.doc]));
    const counted = new Map<string, number>();
    const phraseCount = (phrase: string) => {
      let n = frequent.get(phrase) ?? counted.get(phrase);
      if (n === undefined) {
        n = this.countPhrase(phrase, -1);
        counted.set(phrase, n);
      }
      return n;
    };
    const tasks = new Map<string, string>();
    for (const query of queries) {
      const expression = toFts5Match(query, "all");
      if (expression !== undefined && !tasks.has(expression))
        tasks.set(expression, matchPhrases(query).matched.map(phraseCount).join(","));
    }
    for (const { term, col, doc } of tokens) {
      const phrase = columnPhrase(col, term);
      if (!tasks.has(phrase)) tasks.set(phrase, String(doc));
    }
    return [...tasks].map(([expression, phraseCounts]) => ({ expression, phraseCounts }));
  }

  /** Threads worth starting: none in memory, without the extension or for a small build. */
  private rankingThreads(tasks: readonly RankTask[], asked: number | undefined): number {
    if (asked !== undefined) return this.givenCounts && this.db.name !== ":memory:" && canRankOnThreads() ? asked : 0;
    const walked = tasks.reduce(
      (sum, task) => sum + task.phraseCounts.split(",").reduce((n, c) => n + Number(c), 0),
      0,
    );
    return walked >= THREADED_BUILD_MATCHES ? this.rankingThreads(tasks, Math.min(4, availableParallelism())) : 0;
  }

  private totals(): Totals {
    const row = this.totalsStatement.get() as { block: Buffer } | undefined;
    const [passages = 0, ...columns] = row ? varints(row.block) : [];
    return { passages, tokens: columns.reduce((sum, n) => sum + n, 0) };
  }
}

/**
 * Passages holding each phrase of a search step, exact: read from the kept lists while no passage
 * was written since the build, else counted, each once.
 */
export class PhraseCounts {
  readonly written: number;
  private readonly exact = new Map<string, number>();
  /** The passages of the phrases found rare, listed when they were counted. */
  private readonly passages = new Map<string, number[]>();

  constructor(private readonly topMatches: SqliteTopMatches) {
    this.written = topMatches.written();
  }

  /** Passages holding `phrase`, counted up to `atMost + 1`. */
  upTo(phrase: string, atMost: number): number {
    const known = this.known(phrase);
    if (known !== undefined) return Math.min(known, atMost + 1);
    // Listed rather than counted: rare passages are few, and a clause of rare phrases can then be excluded by id.
    const ids = this.topMatches.phrasePassages(phrase, atMost + 1);
    if (ids.length <= atMost) {
      this.exact.set(phrase, ids.length);
      this.passages.set(phrase, ids);
    }
    return ids.length;
  }

  /** The passages holding some of `phrases` when each was found rare (`upTo`), else undefined. */
  passagesOfAny(phrases: readonly string[]): Set<number> | undefined {
    const ids = new Set<number>();
    for (const phrase of phrases) {
      const listed = this.passages.get(phrase);
      if (!listed) return undefined;
      for (const id of listed) ids.add(id);
    }
    return ids;
  }

  exactly(phrase: string): number {
    const known = this.known(phrase);
    if (known !== undefined) return known;
    const n = this.topMatches.countPhrase(phrase, -1);
    this.exact.set(phrase, n);
    return n;
  }

  /** The last argument of BM25_GIVEN_COUNTS for `query`'s match expression: an exclusion's phrases add nothing to a match's score. */
  argument(query: ParsedQuery): string {
    const { matched, excluded } = matchPhrases(query);
    return this.argumentFor(matched, excluded.length);
  }

  /** The same for an expression of the `scored` phrases followed by `unscored` ones no match holds. */
  argumentFor(scored: readonly string[], unscored: number): string {
    return [...scored.map((phrase) => this.exactly(phrase)), ...Array<number>(unscored).fill(0)].join(",");
  }

  private known(phrase: string): number | undefined {
    if (this.exact.has(phrase) || this.written > 0) return this.exact.get(phrase);
    const kept = this.topMatches.lookup(phrase)?.matches;
    if (kept !== undefined) this.exact.set(phrase, kept);
    return kept;
  }
}

/** SQLite's varints: big-endian groups of 7 bits, the high bit set on all but the last; a ninth byte gives 8. */
function varints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let value = 0;
    for (let n = 0; ; n++) {
      const byte = bytes[i++]!;
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    values.push(value);
  }
  return values;
}

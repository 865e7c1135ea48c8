import type { ParsedQuery } from "../core/query-tree.js";
import { parseQuery } from "./query.js";

/**
 * Precomputed best matches of one-word queries for words that match many passages: a full-text
 * engine scores every match before it sorts, so "Israel" over 220,000 passages costs ~100 ms, while
 * reading its best `k` from a table costs well under one. Exact: the table holds the engine's own
 * scores and order; a search falls back to the full query whenever the table cannot answer it
 * (longer pages, filters that leave fewer than asked, queries of several words). Where a passage's
 * score depends on the others (BM25's IDF and average length in SQLite), a search after writes
 * rescores the kept matches and the written passages and answers only when a bound shows that no
 * other passage can have climbed into the page.
 */
export interface TopMatchOptions {
  /** Matches kept per word, best first. Default 1000. */
  k?: number;
  /** Words matching fewer passages are searched directly (cheap enough). Default 10,000. */
  minMatches?: number;
  /**
   * Where the backend keeps the table up to date as passages are written (PostgreSQL): how many
   * comparisons of a written passage with a precomputed query it makes before it empties the table
   * for the next ingest to rebuild, so that a large batch costs one rebuild rather than more upkeep.
   * Default: as many as the build ranked matches (at least `minMatches`).
   */
  budget?: number;
  /**
   * Where the backend rescores through writes instead (SQLite): the passages written or removed since
   * the build, as a share of the passages at the build, past which the next ingest rebuilds the table.
   * Default 0.1: the bound loosens as the base drifts from the build, so more searches fall back.
   */
  rebuildShare?: number;
  /**
   * Where the backend ranks the build in this process (SQLite): threads that rank at once, each with
   * its own connection. Default: one per core, at most 4, when the build walks at least 1,000,000
   * matches (below that, starting them costs more than they save); 0 ranks on the calling thread.
   */
  threads?: number;
}

export const DEFAULT_TOP_MATCHES = 1000;
export const DEFAULT_TOP_MATCH_MIN = 10_000;
export const DEFAULT_REBUILD_SHARE = 0.1;

/** One precomputed query as a backend looks it up. */
export interface TopMatchQuery {
  id: number;
  /** Every match of the query in the index. */
  matches: number;
  /** The best of them kept in the table: all of them when kept = matches. */
  kept: number;
}

/** What a backend provides to keep precomputed top matches. */
export interface TopMatchIndex {
  /**
   * The table was built with these options and can still answer exactly: no passage written since,
   * each one folded in, or (rescoring backends) fewer written than `rebuildShare` of the passages.
   */
  isBuiltWith(k: number, minMatches: number, rebuildShare: number): boolean;
  /** Indexed terms (column `terms`) found in at least `minMatches` passages. */
  frequentTerms(minMatches: number): string[];
  /** The lexicon's words, in lower case, whose lemma is one of `lemmas` and which are not themselves one; stop words aside. */
  inflectedWords(lemmas: readonly string[]): string[];
  /**
   * Replaces the table, in one transaction, with the best `k` matches of each query that has at
   * least `minMatches` matches in the "all" pass, with `budget` comparisons to fold writes in and
   * `threads` to rank (where the backend does; undefined: the defaults above).
   */
  replaceTopMatches(
    queries: readonly ParsedQuery[],
    k: number,
    minMatches: number,
    options: Pick<TopMatchOptions, "budget" | "threads">,
  ): void;
}

/**
 * Rebuilds the top-match table from the current index: called at the end of every ingest. A passage
 * write the backend cannot fold in or rescore empties the table, so a run that stops before this only
 * loses speed, never correctness; a run whose writes were all folded in, or few enough to rescore,
 * keeps the table as it is.
 * A frequent word is precomputed as typed in lower case and capitalized, the two ways people type it,
 * and so are the inflected words of a frequent lemma ("refugees", "relations": their query also
 * matches the lemma, so they are frequent too); stop words are left to the full query.
 */
export function buildTopMatches(index: TopMatchIndex, options: TopMatchOptions = {}): void {
  const k = options.k ?? DEFAULT_TOP_MATCHES;
  const minMatches = options.minMatches ?? DEFAULT_TOP_MATCH_MIN;
  if (index.isBuiltWith(k, minMatches, options.rebuildShare ?? DEFAULT_REBUILD_SHARE)) return;
  const terms = index.frequentTerms(minMatches);
  const queries = [...terms, ...index.inflectedWords(terms)]
    .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1)])
    .map((word) => parseQuery(word))
    .filter(isPrecomputable);
  index.replaceTopMatches(queries, k, minMatches, options);
}

/**
 * The queries the table may hold: one word that is no stop word (stop words match nearly every
 * passage, cost the most to rank and are rarely searched alone). Others need not be looked up.
 */
export function isPrecomputable(query: ParsedQuery): boolean {
  const [clause] = query.clauses;
  return (
    query.clauses.length === 1 &&
    query.excluded.length === 0 &&
    clause?.kind === "words" &&
    clause.words.some((word) => !word.stop)
  );
}

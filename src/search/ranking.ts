import type { PassageMatch } from "./search.js";

/**
 * Each further passage of a document already ranked above counts this much less, so one long
 * document cannot fill a page on its own ("Kassem" shows every document that names Qasim).
 */
export const SAME_DOCUMENT_DECAY = 0.7;
/** A derived copy (a lemmatized dump, a re-post) ranks after the document it was made from. */
export const DERIVED_WEIGHT = 0.8;
/** The most passages ranked by index score that a page is picked from. */
export const MAX_POOL = 4000;

export interface RankedPage {
  matches: PassageMatch[];
  /** Every match of the pass, when the pass had fewer than the pool size. */
  total?: number;
}

/**
 * One page of matches in order of adjusted score, given the matches in order of index score.
 *
 * The adjusted score of a match never exceeds its index score and depends only on the matches
 * above it, so picking from a pool of the best N by index score is exact as soon as the page's last
 * adjusted score is at least the (N+1)-th index score; the pool grows until it is. Pages of one query
 * therefore never overlap or skip.
 */
export function rankedPage(fetch: (limit: number) => PassageMatch[], offset: number, limit: number): RankedPage {
  const need = offset + limit;
  let pool = Math.max(need * 2, 20);
  for (;;) {
    const rows = fetch(pool + 1);
    const exhausted = rows.length <= pool;
    const ranked = adjust(rows.slice(0, pool));
    const last = ranked[need - 1];
    const next = rows[pool];
    if (exhausted || pool >= MAX_POOL || (last && next && last.score >= positive(next.score))) {
      return { matches: ranked.slice(offset, need), ...(exhausted ? { total: rows.length } : {}) };
    }
    pool = Math.min(pool * 4, MAX_POOL);
  }
}

/** Matches (best index score first) re-scored for document crowding and derivation, best first. */
function adjust(rows: PassageMatch[]): PassageMatch[] {
  const seen = new Map<string, number>();
  const adjusted = rows.map((row, index) => {
    const earlier = seen.get(row.documentId) ?? 0;
    seen.set(row.documentId, earlier + 1);
    const weight = SAME_DOCUMENT_DECAY ** earlier * (row.derived ? DERIVED_WEIGHT : 1);
    return { row: { ...row, score: positive(row.score) * weight }, index };
  });
  adjusted.sort((a, b) => b.row.score - a.row.score || a.index - b.index);
  return adjusted.map((a) => a.row);
}

/** BM25 scores are positive here, but FTS5 clamps tiny IDFs so a score can be ~0: keep order sane. */
function positive(score: number): number {
  return Math.max(score, 0);
}

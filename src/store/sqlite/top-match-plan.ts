import type { ParsedQuery } from "../../core/query-tree.js";
import { isPrecomputable } from "../../search/top-matches.js";
import { clausePhrases, toFts5Match } from "./fts5-match.js";
import type { SqliteTopMatch } from "./top-matches.js";

/** Which passages can hold a query's best matches, and the most any other passage can score. */
export interface TopMatchPlan {
  /** Kept lists (top-matches.ts) whose passages are candidates. */
  queryIds: number[];
  /** Phrases without a kept list: every passage holding one is a candidate. */
  rarePhrases: string[];
  /** The most a passage that is no candidate can score. */
  bound: number;
  /** Every match is a candidate: a clause all matches hold ("all") or every clause ("rest") is kept in full or rare. */
  complete: boolean;
  /**
   * Every match holds a rare phrase: every phrase is rare, or ("all") some clause has rare phrases
   * only. Ranking the match itself then walks no more than listing the candidates would.
   */
  direct: boolean;
}

/** What a plan reads of the top-match table and the index. */
export interface PlanSources {
  lookup(expression: string): SqliteTopMatch | undefined;
  /** How much the scores of a kept list may have grown since the build (1 when nothing was written). */
  growth(top: SqliteTopMatch): number;
  /** Passages holding `phrase`, counted up to `atMost + 1`. */
  count(phrase: string, atMost: number): number;
}

/**
 * BM25 adds up over the phrases of a match expression, each phrase's part depending on that phrase
 * and the passage alone and never above the phrase's score as a query of its own. So a passage in
 * none of the kept lists of a query's clauses (or, for a clause not kept whole, of its phrases)
 * scores at most the sum of those lists' cutoffs. A phrase without a list is rare by the build's
 * measure and its passages are all candidates, unless it is found in more than `maxRare`: then
 * there is no plan. Excluded phrases add nothing: no matching passage holds them. The "rest" pass
 * is ranked by the expression of the "any" pass, each clause in it once.
 */
export function topMatchPlan(
  query: ParsedQuery,
  pass: "all" | "rest",
  sources: PlanSources,
  maxRare: number,
): TopMatchPlan | undefined {
  const plan: TopMatchPlan = { queryIds: [], rarePhrases: [], bound: 0, complete: pass === "rest", direct: false };
  for (const clause of query.clauses) {
    const alone: ParsedQuery = { clauses: [clause], excluded: [] };
    const whole = isPrecomputable(alone) ? sources.lookup(toFts5Match(alone, "all")!) : undefined;
    const units = whole
      ? [{ phrase: "", top: whole }]
      : clausePhrases(clause).map((p) => ({ phrase: p, top: sources.lookup(p) }));
    let everyMatchKept = true;
    let everyPhraseRare = true;
    for (const { phrase, top } of units) {
      if (top) {
        everyPhraseRare = false;
        plan.queryIds.push(top.id);
        if (top.kept === top.matches) continue;
        plan.bound += top.cutoff * sources.growth(top);
        everyMatchKept = false;
      } else {
        if (sources.count(phrase, maxRare) > maxRare) return undefined;
        plan.rarePhrases.push(phrase);
      }
    }
    // "all": one clause kept in full holds every match; "rest": each clause must be.
    if (pass === "all") plan.complete ||= everyMatchKept;
    else plan.complete &&= everyMatchKept;
    if (pass === "all") plan.direct ||= everyPhraseRare;
  }
  plan.direct ||= plan.queryIds.length === 0;
  return plan;
}

import type Database from "better-sqlite3";
import type { TopMatchPlan } from "./top-match-plan.js";

/** A passage and its FTS5 rank (the negated score: best first). */
export interface RankedRow {
  passage_id: number;
  rank: number;
}

/** A ranked statement's score expression and its parameters (they come first). */
export interface Scoring {
  sql: string;
  params: unknown[];
}

/** Joins and conditions on `f.rowid` a ranked statement adds (filters, the "rest" pass's exclusion of the "all" matches). */
export interface ScopeSql {
  joins: string;
  where: string;
  params: unknown[];
}

export const NO_SCOPE: ScopeSql = { joins: "", where: "", params: [] };

/** The best `limit` matches of `match` among the candidates of `plan`, best first, or undefined when they cannot tell them (top-match-plan.ts). */
export function rankOverPlan(
  statement: (sql: string) => Database.Statement,
  plan: TopMatchPlan,
  match: string,
  score: Scoring,
  scope: ScopeSql,
  limit: number,
): RankedRow[] | undefined {
  // Listing the candidates first would walk the rare phrases twice.
  if (plan.direct) return rankMatch(statement, match, score, scope, limit);
  const rare = plan.rarePhrases.length > 0;
  // "+" keeps FTS5 from taking the IN as one rowid lookup per id (each a seek in every segment).
  const rows = statement(
    `SELECT f.rowid AS passage_id, ${score.sql} AS rank FROM passages_fts f ${scope.joins}
    WHERE passages_fts MATCH ? AND +f.rowid IN (
      SELECT passage_id FROM top_matches WHERE query_id IN (SELECT value FROM json_each(?))
      UNION ALL SELECT passage_id FROM top_match_written
      ${rare ? "UNION ALL SELECT rowid FROM passages_fts r WHERE r.passages_fts MATCH ?" : ""}
    ) ${scope.where} ORDER BY rank, f.rowid LIMIT ?`,
  ).all(
    ...score.params,
    match,
    JSON.stringify(plan.queryIds),
    ...(rare ? [plan.rarePhrases.join(" OR ")] : []),
    ...scope.params,
    limit,
  ) as RankedRow[];
  if (plan.complete) return rows;
  const last = rows[limit - 1];
  // The margin covers rounding: FTS5 and this bound add the same terms in different orders.
  return last && -last.rank > plan.bound * (1 + 1e-9) ? rows : undefined;
}

/** The best `limit` matches of `match`, best first: FTS5 scores every one. */
export function rankMatch(
  statement: (sql: string) => Database.Statement,
  match: string,
  score: Scoring,
  scope: ScopeSql,
  limit: number,
): RankedRow[] {
  return statement(`SELECT f.rowid AS passage_id, ${score.sql} AS rank FROM passages_fts f ${scope.joins}
    WHERE passages_fts MATCH ? ${scope.where} ORDER BY rank, f.rowid LIMIT ?`).all(
    ...score.params,
    match,
    ...scope.params,
    limit,
  ) as RankedRow[];
}

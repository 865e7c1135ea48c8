import type Database from "better-sqlite3";
import type { Clause, ParsedQuery } from "../../core/query-tree.js";
import { isPrecomputable } from "../../search/top-matches.js";
import { BM25, BM25_GIVEN_COUNTS, clausePhrases, toFts5Match } from "./fts5-match.js";
import { NO_SCOPE, rankMatch, rankOverPlan, type RankedRow } from "./planned-ranking.js";
import type { TopMatchPlan } from "./top-match-plan.js";
import type { PhraseCounts, SqliteTopMatch, SqliteTopMatches } from "./top-matches.js";

interface RestSources {
  statement(sql: string): Database.Statement;
  topMatches: SqliteTopMatches;
  counts: PhraseCounts;
}

/**
 * The best `limit` passages of the "rest" pass of a query of two clauses and no exclusions, without
 * walking the doclists of both at once: the rest of two clauses is the passages matching exactly
 * one, and in the "any" expression the other clause's phrases add exactly 0 to such a passage's
 * score, so it scores as its own clause alone. A clause with a kept list gives its best passages
 * from it, less those matching the other clause; a clause without one is ranked alone (`c NOT o`),
 * over the candidates of its own plan when it has one (top-match-plan.ts).
 * Undefined when a kept list has too few passages left in it to tell its best (the caller then
 * plans the pass as any other).
 */
export function restOfTwoClauses(query: ParsedQuery, limit: number, sources: RestSources): RankedRow[] | undefined {
  const [first, second] = query.clauses;
  if (!first || !second || query.clauses.length !== 2 || query.excluded.length > 0) return undefined;
  if (sources.counts.written > 0) return undefined;
  const firstSource = clauseSource(first, sources);
  const secondSource = clauseSource(second, sources);
  // Two rankings of whole clauses would walk both doclists twice: the caller's one ranking walks them once.
  if (firstSource.kind === "unplanned" && secondSource.kind === "unplanned") return undefined;
  const onlyFirst = bestOfClause(first, second, firstSource, limit, sources);
  const onlySecond = onlyFirst && bestOfClause(second, first, secondSource, limit, sources);
  if (!onlyFirst || !onlySecond) return undefined;
  return [...onlyFirst, ...onlySecond].sort((a, b) => a.rank - b.rank || a.passage_id - b.passage_id).slice(0, limit);
}

/** Where a clause's best matches come from: its own kept list, the candidates of its plan, or a ranking of all its matches. */
type ClauseSource =
  { kind: "kept"; top: SqliteTopMatch } | { kind: "planned"; plan: TopMatchPlan } | { kind: "unplanned" };

function clauseSource(clause: Clause, { topMatches, counts }: RestSources): ClauseSource {
  const alone: ParsedQuery = { clauses: [clause], excluded: [] };
  const top = isPrecomputable(alone) ? topMatches.lookup(clauseMatch(clause)) : undefined;
  if (top) return { kind: "kept", top };
  const plan = topMatches.plan(alone, "all", counts);
  return plan ? { kind: "planned", plan } : { kind: "unplanned" };
}

/** The best `limit` passages matching `clause` and not `other`, best first, or undefined when its kept list cannot tell them. */
function bestOfClause(
  clause: Clause,
  other: Clause,
  source: ClauseSource,
  limit: number,
  { statement, topMatches, counts }: RestSources,
): RankedRow[] | undefined {
  const others = clauseMatch(other);
  if (source.kind === "kept") {
    const rows = keptLessOther(source.top, others, counts.passagesOfAny(clausePhrases(other)), limit, statement);
    return rows.length >= limit || source.top.kept === source.top.matches ? rows : undefined;
  }
  const given = topMatches.givenCounts;
  const score = {
    sql: given ? BM25_GIVEN_COUNTS : BM25,
    params: given ? [counts.argumentFor(clausePhrases(clause), clausePhrases(other).length)] : [],
  };
  const match = `(${clauseMatch(clause)}) NOT (${others})`;
  const planned = source.kind === "planned" && rankOverPlan(statement, source.plan, match, score, NO_SCOPE, limit);
  return planned || rankMatch(statement, match, score, NO_SCOPE, limit);
}

/**
 * The best `limit` of a kept list not matching `others`: skipped by id when the other clause's
 * passages are known (`otherPassages`), else taken out with FTS5 walking that clause.
 */
function keptLessOther(
  top: SqliteTopMatch,
  others: string,
  otherPassages: Set<number> | undefined,
  limit: number,
  statement: (sql: string) => Database.Statement,
): RankedRow[] {
  if (!otherPassages) {
    return statement(`
      SELECT t.passage_id, t.rank FROM top_matches t
      WHERE t.query_id = ? AND t.passage_id NOT IN (SELECT rowid FROM passages_fts o WHERE o.passages_fts MATCH ?)
      ORDER BY t.rank, t.passage_id LIMIT ?`).all(top.id, others, limit) as RankedRow[];
  }
  const rows = statement(
    "SELECT passage_id, rank FROM top_matches WHERE query_id = ? ORDER BY rank, passage_id LIMIT ?",
  ).all(top.id, limit + otherPassages.size) as RankedRow[];
  return rows.filter((row) => !otherPassages.has(row.passage_id)).slice(0, limit);
}

function clauseMatch(clause: Clause): string {
  return toFts5Match({ clauses: [clause], excluded: [] }, "all")!;
}

import { pageAt } from "./pages-sql.js";
import type Database from "better-sqlite3";
import type { ParsedQuery } from "../../core/query-tree.js";
import type { Facet, PassageFilters, PassageIndex, PassageMatch } from "../../search/search.js";
import type { FacetCount } from "../../search/types.js";
import type { LexicalEntry } from "../../segment/index.js";
import { isPrecomputable } from "../../search/top-matches.js";
import { FACET_SQL, mentionsType, toFacetCount, toPassageMatch, type FacetRow, type PassageDbRow } from "../rows.js";
import { BM25, BM25_GIVEN_COUNTS, toFts5Match } from "./fts5-match.js";
import { rankMatch, rankOverPlan, type RankedRow, type ScopeSql, type Scoring } from "./planned-ranking.js";
import { restOfTwoClauses } from "./rest-of-two-clauses.js";
import { PhraseCounts, SqliteTopMatches, type SqliteTopMatch } from "./top-matches.js";

interface PassageRow extends PassageDbRow {
  id: number;
  derived: number;
}

/**
 * FTS5 search over `passages_fts`. The inner query ranks and limits on the index (and the filter
 * columns) alone; passage text is read only for the rows returned. FTS5 scores every match before
 * sorting, so the cost grows with the number of matching passages (about 0.5 µs each); frequent
 * one-word queries are answered from their precomputed best matches (top-matches.ts) when those
 * hold the page asked for: read as stored when no passage was written since the build, rescored
 * (with the passages written) otherwise. With annals_bm25 loaded, scores take each phrase's passage
 * count from the kept lists or a count instead of FTS5 walking every phrase's doclist per statement.
 */
export class SqlitePassageIndex implements PassageIndex {
  private readonly statements = new Map<string, Database.Statement>();
  readonly topMatches: SqliteTopMatches;
  /** The phrase counts of the search under way (`countingOnce`): its passes and pages share them. */
  private searchCounts: PhraseCounts | undefined;
  private readonly statementOf = (sql: string) => this.statement(sql);

  constructor(
    private readonly db: Database.Database,
    givenCounts: boolean,
  ) {
    this.topMatches = new SqliteTopMatches(db, givenCounts);
  }

  lexicalEntries(words: readonly string[]): Map<string, LexicalEntry> {
    const rows = this.statement(
      "SELECT word, lemma, stop FROM lexicon WHERE word IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(words)) as { word: string; lemma: string; stop: number }[];
    return new Map(rows.map((r) => [r.word, { lemma: r.lemma, stop: r.stop === 1 }]));
  }

  /** The "rest" pass is ranked as the "any" pass (each clause counted once), the passages matching all taken out. */
  matchPassages(query: ParsedQuery, pass: "all" | "rest", filters: PassageFilters, limit: number): PassageMatch[] {
    if (limit <= 0 || (pass === "rest" && query.clauses.length < 2)) return [];
    const match = toFts5Match(query, pass === "all" ? "all" : "any");
    if (match === undefined) return [];
    const top = pass === "all" && isPrecomputable(query) ? this.topMatches.lookup(match) : undefined;
    const scope = scopeSql(query, pass, filters);
    const counts = this.searchCounts ?? new PhraseCounts(this.topMatches);
    if (pass === "rest" && filterSql(filters, "f.rowid").where === "") {
      const sources = { statement: this.statementOf, topMatches: this.topMatches, counts };
      const rest = restOfTwoClauses(query, limit, sources);
      if (rest) return this.withPassages(rest);
    }
    // After writes the stored scores are stale: a one-word query is planned like any other (one kept list).
    const precomputed =
      top && counts.written === 0
        ? this.fromStoredTopMatches(top, filters, limit)
        : this.fromTopMatchPlan(query, pass, match, scope, counts, limit);
    if (precomputed) return precomputed;
    // bm25() rather than the rank column: the same order, measured 30-40% faster.
    return this.withPassages(rankMatch(this.statementOf, match, this.score(query, counts), scope, limit));
  }

  /** Runs one search, each phrase counted at most once over its passes and pages. */
  countingOnce<T>(search: () => T): T {
    this.searchCounts = new PhraseCounts(this.topMatches);
    try {
      return search();
    } finally {
      this.searchCounts = undefined;
    }
  }

  /** The score of a statement's matches of `query`, and its parameters (they come first). */
  private score(query: ParsedQuery, counts: PhraseCounts): Scoring {
    if (!this.topMatches.givenCounts) return { sql: BM25, params: [] };
    return { sql: BM25_GIVEN_COUNTS, params: [counts.argument(query)] };
  }

  /** The best `limit` matches as the top-match table stored them (no passage written since), or undefined when it cannot tell them. */
  private fromStoredTopMatches(
    top: SqliteTopMatch,
    filters: PassageFilters,
    limit: number,
  ): PassageMatch[] | undefined {
    const { joins, where, params } = filterSql(filters, "t.passage_id");
    const rows = this.matches(
      `SELECT t.passage_id, t.rank FROM top_matches t ${joins}
      WHERE t.query_id = ? ${where} ORDER BY t.rank, t.passage_id LIMIT ?`,
      [top.id, ...params, limit],
    );
    // Fewer rows than asked are every match only when the table holds every match.
    return rows.length >= limit || top.kept === top.matches ? rows : undefined;
  }

  /** The best `limit` matches from the candidates of a plan (top-match-plan.ts), or undefined when they cannot tell them. */
  private fromTopMatchPlan(
    query: ParsedQuery,
    pass: "all" | "rest",
    match: string,
    scope: ScopeSql,
    counts: PhraseCounts,
    limit: number,
  ): PassageMatch[] | undefined {
    const plan = this.topMatches.plan(query, pass, counts);
    if (!plan) return undefined;
    const rows = rankOverPlan(this.statementOf, plan, match, this.score(query, counts), scope, limit);
    return rows && this.withPassages(rows);
  }

  /** The passages of `ranked` (passage_id, rank: best first), with their documents. */
  private matches(ranked: string, params: unknown[]): PassageMatch[] {
    return this.withPassages(this.statement(ranked).all(...params) as RankedRow[]);
  }

  private withPassages(ranked: readonly RankedRow[]): PassageMatch[] {
    if (ranked.length === 0) return [];
    const rows = this.statement(
      `
      SELECT p.id, d.id AS document_id, d.path, d.title, p.section, p.start, p."end", p.text,
        ${pageAt("d", "p.start")} AS page,
        d.kind = 'derived' OR EXISTS (
          SELECT 1 FROM document_relations r WHERE r.document_id = d.id AND r.relation = 'derived-from'
        ) AS derived
      FROM passages p JOIN documents d ON d.rowid = p.document_rowid
      WHERE p.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ranked.map((r) => r.passage_id))) as PassageRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ranked.map(({ passage_id, rank }) => {
      const row = byId.get(passage_id)!;
      return toPassageMatch(row, -rank, row.derived === 1);
    });
  }

  countPassages(query: ParsedQuery, pass: "all" | "any", filters: PassageFilters, atMost?: number): number {
    const match = toFts5Match(query, pass);
    if (match === undefined) return 0;
    const { joins, where, params } = filterSql(filters, "f.rowid");
    if (where === "" && isPrecomputable(query) && this.topMatches.written() === 0) {
      const top = this.topMatches.lookup(match);
      if (top) return Math.min(top.matches, atMost ?? Infinity);
    }
    // LIMIT -1: no limit.
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM passages_fts f ${joins} WHERE passages_fts MATCH ? ${where} LIMIT ?)`;
    return (this.statement(sql).get(match, ...params, atMost ?? -1) as { n: number }).n;
  }

  facetCounts(query: ParsedQuery, facet: Facet, filters: PassageFilters, top: number): FacetCount[] {
    const match = toFts5Match(query, "any");
    if (match === undefined) return [];
    const { joins, where, params } = filterSql(filters, "f.rowid");
    const matching = `SELECT f.rowid AS id FROM passages_fts f ${joins} WHERE passages_fts MATCH ? ${where}`;
    const all = [match, ...params, ...(facet === "document" ? [top] : [])];
    const rows = this.statement(FACET_SQL[facet](matching, "?")).all(...all) as FacetRow[];
    return rows.map(toFacetCount);
  }

  /** Statements differ only by which filters are present: a handful, each prepared once. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** The filters' conditions on `f.rowid`, and for the "rest" pass, that the passage does not match every clause. */
function scopeSql(query: ParsedQuery, pass: "all" | "rest", filters: PassageFilters): ScopeSql {
  const scope = filterSql(filters, "f.rowid");
  if (pass === "all") return scope;
  return {
    joins: scope.joins,
    where: `${scope.where} AND f.rowid NOT IN (SELECT rowid FROM passages_fts a WHERE a.passages_fts MATCH ?)`,
    params: [...scope.params, toFts5Match(query, "all")],
  };
}

/** Conditions on the filters, for the passages whose id is `passageId` in the query they join. */
function filterSql(filters: PassageFilters, passageId: string): ScopeSql {
  const conditions: string[] = [];
  const params: unknown[] = [];
  let needsDocument = false;
  if (filters.documentIds) {
    conditions.push("d2.id IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(filters.documentIds));
    needsDocument = true;
  }
  if (filters.kinds) {
    conditions.push("d2.kind IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(filters.kinds));
    needsDocument = true;
  }
  if (filters.dateFrom !== undefined) {
    conditions.push("d2.date_latest >= ?");
    params.push(filters.dateFrom);
    needsDocument = true;
  }
  if (filters.dateTo !== undefined) {
    conditions.push("d2.date_earliest <= ?");
    params.push(filters.dateTo);
    needsDocument = true;
  }
  if (filters.section !== undefined) {
    conditions.push("p2.section = ? COLLATE NOCASE");
    params.push(filters.section);
  }
  if (filters.entityType !== undefined) {
    conditions.push(mentionsType("p2", "?"));
    params.push(filters.entityType);
  }
  if (conditions.length === 0) return { joins: "", where: "", params };
  const joins =
    `JOIN passages p2 ON p2.id = ${passageId}` +
    (needsDocument ? " JOIN documents d2 ON d2.rowid = p2.document_rowid" : "");
  return { joins, where: `AND ${conditions.join(" AND ")}`, params };
}

import { pageAt } from "./pages-sql.js";
import type Database from "better-sqlite3";
import type { ParsedQuery } from "../../core/query-tree.js";
import type { Facet, PassageFilters, PassageIndex, PassageMatch } from "../../search/search.js";
import type { FacetCount } from "../../search/types.js";
import type { LexicalEntry } from "../../segment/index.js";
import { isPrecomputable } from "../../search/top-matches.js";
import { FACET_SQL, mentionsType, toFacetCount, type FacetRow } from "../rows.js";
import { BM25, BM25_GIVEN_COUNTS, toFts5Match } from "./fts5-match.js";
import { PhraseCounts, SqliteTopMatches, type SqliteTopMatch } from "./top-matches.js";

interface MatchRow {
  document_id: string;
  path: string;
  title: string;
  section: string | null;
  start: number;
  end: number;
  text: string;
  rank: number;
  derived: number;
  page: number | null;
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
    const counts = new PhraseCounts(this.topMatches);
    // After writes the stored scores are stale: a one-word query is planned like any other (one kept list).
    const precomputed =
      top && counts.written === 0
        ? this.fromStoredTopMatches(top, filters, limit)
        : this.fromTopMatchPlan(query, pass, match, scope, counts, limit);
    if (precomputed) return precomputed;
    // bm25() rather than the rank column: the same order, measured 30-40% faster.
    const score = this.score(query, counts);
    return this.matches(
      `SELECT f.rowid AS passage_id, ${score.sql} AS rank FROM passages_fts f ${scope.joins}
      WHERE passages_fts MATCH ? ${scope.where} ORDER BY rank, f.rowid LIMIT ?`,
      [...score.params, match, ...scope.params, limit],
    );
  }

  /** The score of a statement's matches of `query`, and its parameters (they come first). */
  private score(query: ParsedQuery, counts: PhraseCounts): { sql: string; params: string[] } {
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
    const { joins, where, params } = scope;
    const rare = plan.rarePhrases.length > 0;
    const score = this.score(query, counts);
    // "+" keeps FTS5 from taking the IN as one rowid lookup per id (each a seek in every segment).
    const rows = this.matches(
      `SELECT f.rowid AS passage_id, ${score.sql} AS rank FROM passages_fts f ${joins}
      WHERE passages_fts MATCH ? AND +f.rowid IN (
        SELECT passage_id FROM top_matches WHERE query_id IN (SELECT value FROM json_each(?))
        UNION ALL SELECT passage_id FROM top_match_written
        ${rare ? "UNION ALL SELECT rowid FROM passages_fts r WHERE r.passages_fts MATCH ?" : ""}
      ) ${where} ORDER BY rank, f.rowid LIMIT ?`,
      [
        ...score.params,
        match,
        JSON.stringify(plan.queryIds),
        ...(rare ? [plan.rarePhrases.join(" OR ")] : []),
        ...params,
        limit,
      ],
    );
    if (plan.complete) return rows;
    const last = rows[limit - 1];
    // The margin covers rounding: FTS5 and this bound add the same terms in different orders.
    return last && last.score > plan.bound * (1 + 1e-9) ? rows : undefined;
  }

  /** The passages of `ranked` (passage_id, rank: best first), with their documents. */
  private matches(ranked: string, params: unknown[]): PassageMatch[] {
    const sql = `
      SELECT d.id AS document_id, d.path, d.title, p.section, p.start, p."end", p.text, top.rank,
        ${pageAt("d", "p.start")} AS page,
        d.kind = 'derived' OR EXISTS (
          SELECT 1 FROM document_relations r WHERE r.document_id = d.id AND r.relation = 'derived-from'
        ) AS derived
      FROM (${ranked}) AS top
      JOIN passages p ON p.id = top.passage_id
      JOIN documents d ON d.rowid = p.document_rowid
      ORDER BY top.rank, top.passage_id`;
    const rows = this.statement(sql).all(...params) as MatchRow[];
    return rows.map((row) => ({
      documentId: row.document_id,
      path: row.path,
      title: row.title,
      ...(row.section === null ? {} : { section: row.section }),
      start: row.start,
      end: row.end,
      text: row.text,
      score: -row.rank,
      derived: row.derived === 1,
      ...(row.page === null ? {} : { page: row.page }),
    }));
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

interface ScopeSql {
  joins: string;
  where: string;
  params: unknown[];
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

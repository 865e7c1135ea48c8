import { pageAt } from "./pages-sql.js";
import type { ParsedQuery } from "../../core/query-tree.js";
import type { Facet, PassageFilters, PassageIndex, PassageMatch } from "../../search/search.js";
import type { FacetCount } from "../../search/types.js";
import type { LexicalEntry } from "../../segment/index.js";
import { isPrecomputable } from "../../search/top-matches.js";
import { FACET_SQL, mentionsType, toFacetCount, toPassageMatch, type FacetRow, type PassageDbRow } from "../rows.js";
import type { SyncPostgres } from "./sync-client.js";
import { PostgresTopMatches } from "./top-matches.js";
import { toTsquery } from "./tsquery.js";

interface MatchRow extends PassageDbRow {
  rank: number;
  derived: boolean;
}

const RANK = "passage_rank(p.fts, q.query)";

/**
 * Full-text search over the GIN-indexed `passages.fts`, ranked by passage_rank (migrations.ts). As on
 * SQLite, the inner query ranks and limits on the index and filter columns; the rest of each returned
 * row is read afterwards. Frequent one-word queries are answered from their precomputed best matches
 * (top-matches.ts) when those hold the page asked for.
 */
export class PostgresPassageIndex implements PassageIndex {
  readonly topMatches: PostgresTopMatches;

  constructor(private readonly db: SyncPostgres) {
    this.topMatches = new PostgresTopMatches(db);
  }

  lexicalEntries(words: readonly string[]): Map<string, LexicalEntry> {
    const rows = this.db.query<{ word: string; lemma: string; stop: boolean }>(
      "SELECT word, lemma, stop FROM lexicon WHERE word = ANY($1::text[])",
      [words],
    ).rows;
    return new Map(rows.map((r) => [r.word, { lemma: r.lemma, stop: r.stop }]));
  }

  matchPassages(query: ParsedQuery, pass: "all" | "rest", filters: PassageFilters, limit: number): PassageMatch[] {
    const tsquery = toTsquery(query, pass);
    if (tsquery === undefined || limit <= 0) return [];
    const top = pass === "all" && isPrecomputable(query) ? this.topMatches.lookup(tsquery) : undefined;
    if (top) {
      const { joins, where, params } = filterSql(filters, 3);
      const rows = this.matches(
        `SELECT t.passage_id, t.rank FROM top_matches t JOIN passages p ON p.id = t.passage_id ${joins}
        WHERE t.query_id = $1 ${where} ORDER BY t.rank DESC, t.passage_id LIMIT $2`,
        [top.id, limit, ...params],
      );
      // Fewer rows than asked are every match only when the table holds every match.
      if (rows.length >= limit || top.kept === top.matches) return rows;
    }
    const { joins, where, params } = filterSql(filters, 3);
    return this.matches(
      `SELECT p.id AS passage_id, ${RANK} AS rank
      FROM passages p CROSS JOIN (SELECT to_tsquery('simple', $1) AS query) q ${joins}
      WHERE p.fts @@ q.query ${where}
      ORDER BY rank DESC, p.id LIMIT $2`,
      [tsquery, limit, ...params],
    );
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
      ORDER BY top.rank DESC, top.passage_id`;
    const rows = this.db.query<MatchRow>(sql, params).rows;
    return rows.map((row) => toPassageMatch(row, row.rank, row.derived));
  }

  countPassages(query: ParsedQuery, pass: "all" | "any", filters: PassageFilters, atMost?: number): number {
    const tsquery = toTsquery(query, pass);
    if (tsquery === undefined) return 0;
    const { joins, where, params } = filterSql(filters, 2);
    if (where === "" && isPrecomputable(query)) {
      const top = this.topMatches.lookup(tsquery);
      if (top) return Math.min(top.matches, atMost ?? Infinity);
    }
    // LIMIT NULL: no limit.
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM passages p ${joins}
      WHERE p.fts @@ to_tsquery('simple', $1) ${where} LIMIT $${params.length + 2}) AS matching`;
    return this.db.query<{ n: number }>(sql, [tsquery, ...params, atMost ?? null]).rows[0]!.n;
  }

  facetCounts(query: ParsedQuery, facet: Facet, filters: PassageFilters, top: number): FacetCount[] {
    const tsquery = toTsquery(query, "any");
    if (tsquery === undefined) return [];
    const { joins, where, params } = filterSql(filters, 2);
    const matching = `SELECT p.id FROM passages p ${joins} WHERE p.fts @@ to_tsquery('simple', $1) ${where}`;
    const sql = FACET_SQL[facet](matching, `$${params.length + 2}`);
    const all = [tsquery, ...params, ...(facet === "document" ? [top] : [])];
    return this.db.query<FacetRow>(sql, all).rows.map(toFacetCount);
  }
}

/** Conditions on the passage `p` and its document; parameters numbered from `first`. */
function filterSql(filters: PassageFilters, first: number): { joins: string; where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  if (filters.documentIds) conditions.push(`d2.id = ANY(${next(filters.documentIds)}::text[])`);
  if (filters.kinds) conditions.push(`d2.kind = ANY(${next(filters.kinds)}::text[])`);
  if (filters.dateFrom !== undefined) conditions.push(`d2.date_latest >= ${next(filters.dateFrom)}`);
  if (filters.dateTo !== undefined) conditions.push(`d2.date_earliest <= ${next(filters.dateTo)}`);
  if (filters.section !== undefined) conditions.push(`lower(p.section) = lower(${next(filters.section)})`);
  if (filters.entityType !== undefined) conditions.push(mentionsType("p", next(filters.entityType)));
  if (conditions.length === 0) return { joins: "", where: "", params };
  const needsDocument =
    filters.documentIds || filters.kinds || filters.dateFrom !== undefined || filters.dateTo !== undefined;
  return {
    joins: needsDocument ? "JOIN documents d2 ON d2.rowid = p.document_rowid" : "",
    where: `AND ${conditions.join(" AND ")}`,
    params,
  };
}

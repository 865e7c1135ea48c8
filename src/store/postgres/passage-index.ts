import { pageAt } from "./pages-sql.js";
import type { ParsedQuery } from "../../core/query-tree.js";
import type { Facet, PassageFilters, PassageIndex, PassageMatch } from "../../search/search.js";
import type { FacetCount } from "../../search/types.js";
import { FACET_SQL, mentionsType, toFacetCount, type FacetRow } from "../rows.js";
import type { SyncPostgres } from "./sync-client.js";
import { toTsquery } from "./tsquery.js";

interface MatchRow {
  document_id: string;
  path: string;
  title: string;
  section: string | null;
  start: number;
  end: number;
  text: string;
  rank: number;
  derived: boolean;
  page: number | null;
}

/**
 * Frequency rank with label weights {D, C, B, A}: exact words (A, `terms`) count five times
 * transliteration keys (B, `keys`), as the BM25 column weights do on SQLite; normalization 1 divides
 * by 1 + log(passage length). ts_rank, not the cover-density ts_rank_cd: on the seed expectations
 * (test/fixtures/seeds/expected.json) ts_rank_cd put the lemmatized copy above the article it was made
 * from for "officers were executed" under every normalization tried (0, 1, 2); ts_rank passes them all.
 */
const RANK = "ts_rank('{0.04, 0.04, 0.2, 1.0}', p.fts, q.query, 1)";

/**
 * Full-text search over the GIN-indexed `passages.fts`. As on SQLite, the inner query ranks and limits
 * on the index and filter columns; the rest of each returned row is read afterwards.
 */
export class PostgresPassageIndex implements PassageIndex {
  constructor(private readonly db: SyncPostgres) {}

  matchPassages(query: ParsedQuery, pass: "all" | "rest", filters: PassageFilters, limit: number): PassageMatch[] {
    const tsquery = toTsquery(query, pass);
    if (tsquery === undefined || limit <= 0) return [];
    const { joins, where, params } = filterSql(filters, 3);
    const sql = `
      SELECT d.id AS document_id, d.path, d.title, p.section, p.start, p."end", p.text, top.rank,
        ${pageAt("d", "p.start")} AS page,
        d.kind = 'derived' OR EXISTS (
          SELECT 1 FROM document_relations r WHERE r.document_id = d.id AND r.relation = 'derived-from'
        ) AS derived
      FROM (
        SELECT p.id AS passage_id, ${RANK} AS rank
        FROM passages p CROSS JOIN (SELECT to_tsquery('simple', $1) AS query) q ${joins}
        WHERE p.fts @@ q.query ${where}
        ORDER BY rank DESC, p.id LIMIT $2
      ) AS top
      JOIN passages p ON p.id = top.passage_id
      JOIN documents d ON d.rowid = p.document_rowid
      ORDER BY top.rank DESC, top.passage_id`;
    const rows = this.db.query<MatchRow>(sql, [tsquery, limit, ...params]).rows;
    return rows.map((row) => ({
      documentId: row.document_id,
      path: row.path,
      title: row.title,
      ...(row.section === null ? {} : { section: row.section }),
      start: row.start,
      end: row.end,
      text: row.text,
      score: row.rank,
      derived: row.derived,
      ...(row.page === null ? {} : { page: row.page }),
    }));
  }

  countPassages(query: ParsedQuery, pass: "all" | "any", filters: PassageFilters): number {
    const tsquery = toTsquery(query, pass);
    if (tsquery === undefined) return 0;
    const { joins, where, params } = filterSql(filters, 2);
    const sql = `SELECT count(*) AS n FROM passages p ${joins} WHERE p.fts @@ to_tsquery('simple', $1) ${where}`;
    return this.db.query<{ n: number }>(sql, [tsquery, ...params]).rows[0]!.n;
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

import type { ParsedQuery } from "../../core/query-tree.js";
import type { TopMatchIndex, TopMatchOptions, TopMatchQuery } from "../../search/top-matches.js";
import type { SyncPostgres } from "./sync-client.js";
import { toTsquery } from "./tsquery.js";

/**
 * The tables `top_match_queries` and `top_matches` (migration 3), keyed by tsquery text, and
 * `top_match_build`: the options of the last build and what is left of its budget (TopMatchOptions).
 * A passage's rank does not depend on the other passages, so the migration's triggers keep the table
 * exact as passages are written, until the budget is spent.
 */
export class PostgresTopMatches implements TopMatchIndex {
  constructor(private readonly db: SyncPostgres) {}

  lookup(expression: string): TopMatchQuery | undefined {
    return this.db.query<TopMatchQuery>(
      "SELECT id, matches::int AS matches, kept::int AS kept FROM top_match_queries WHERE expression = $1",
      [expression],
    ).rows[0];
  }

  /** Writes are folded in exactly until the budget runs out, so the share written does not matter here. */
  isBuiltWith(k: number, minMatches: number): boolean {
    const rows = this.db.query("SELECT 1 FROM top_match_build WHERE k = $1 AND min_matches = $2", [k, minMatches]);
    return rows.rowCount > 0;
  }

  frequentTerms(minMatches: number): string[] {
    const rows = this.db.query<{ word: string }>(
      "SELECT word FROM ts_stat('SELECT fts FROM passages', 'a') WHERE ndoc >= $1::bigint ORDER BY ndoc DESC, word",
      [minMatches],
    ).rows;
    return rows.map((row) => row.word);
  }

  inflectedWords(lemmas: readonly string[]): string[] {
    const rows = this.db.query<{ word: string }>(
      `SELECT DISTINCT lower(word) AS word FROM lexicon
      WHERE NOT stop AND lemma = ANY($1::text[]) AND lower(word) <> ALL($1::text[]) ORDER BY 1`,
      [lemmas],
    ).rows;
    return rows.map((row) => row.word);
  }

  replaceTopMatches(
    queries: readonly ParsedQuery[],
    k: number,
    minMatches: number,
    { budget }: Pick<TopMatchOptions, "budget">,
  ): void {
    const expressions = [...new Set(queries.map((query) => toTsquery(query, "all")))].filter((e) => e !== undefined);
    this.db.batch(
      [
        { text: "TRUNCATE top_matches, top_match_queries, top_match_build" },
        {
          // One scan per query: the window count is every match, the limit keeps the best k.
          text: `WITH ranked AS MATERIALIZED (
              SELECT e.expression, t.id, t.rank, t.matches
              FROM unnest($1::text[]) AS e(expression) CROSS JOIN LATERAL (
                SELECT p.id, passage_rank(p.fts, q.query) AS rank, count(*) OVER () AS matches
                FROM passages p CROSS JOIN (SELECT to_tsquery('simple', e.expression) AS query) q
                WHERE p.fts @@ q.query ORDER BY rank DESC, p.id LIMIT $2
              ) t
            ), queries AS (
              INSERT INTO top_match_queries (expression, query, matches, kept)
              SELECT expression, to_tsquery('simple', expression), max(matches), count(*) FROM ranked
              GROUP BY expression HAVING max(matches) >= $3
              RETURNING id, expression
            )
            INSERT INTO top_matches (query_id, rank, passage_id)
            SELECT q.id, r.rank, r.id FROM ranked r JOIN queries q ON q.expression = r.expression`,
          values: [expressions, k, minMatches],
        },
        {
          text: `INSERT INTO top_match_build (k, min_matches, budget)
            SELECT $1::bigint, $2::bigint, coalesce($3::bigint, greatest($2::bigint, (SELECT coalesce(sum(matches), 0) FROM top_match_queries)))`,
          values: [k, minMatches, budget ?? null],
        },
      ],
      true,
    );
  }
}

import type Database from "better-sqlite3";
import type { ParsedQuery } from "../../core/query-tree.js";
import type { TopMatchIndex, TopMatchQuery } from "../../search/top-matches.js";
import { BM25, toFts5Match } from "./fts5-match.js";

/**
 * The tables `top_match_queries` and `top_matches` (migration 8), keyed by FTS5 MATCH expression, and
 * `top_match_build`: the options of the last build, a row that any passage write deletes with the rest.
 */
export class SqliteTopMatches implements TopMatchIndex {
  private readonly lookupStatement: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.lookupStatement = db.prepare("SELECT id, matches, kept FROM top_match_queries WHERE expression = ?");
  }

  lookup(expression: string): TopMatchQuery | undefined {
    return this.lookupStatement.get(expression) as TopMatchQuery | undefined;
  }

  isBuiltWith(k: number, minMatches: number): boolean {
    const row = this.db
      .prepare("SELECT 1 AS built FROM top_match_build WHERE k = ? AND min_matches = ?")
      .get(k, minMatches);
    return row !== undefined;
  }

  frequentTerms(minMatches: number): string[] {
    this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab USING fts5vocab(main, passages_fts, col)");
    const rows = this.db
      .prepare("SELECT term FROM temp.passages_vocab WHERE col = 'terms' AND doc >= ? ORDER BY doc DESC, term")
      .all(minMatches) as { term: string }[];
    return rows.map((row) => row.term);
  }

  replaceTopMatches(queries: readonly ParsedQuery[], k: number, minMatches: number): void {
    const count = this.db.prepare("SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH ?");
    const insertQuery = this.db.prepare(
      "INSERT INTO top_match_queries (expression, matches, kept) VALUES (?, ?, min(?, ?))",
    );
    const insertMatches = this.db.prepare(`
      INSERT INTO top_matches (query_id, rank, passage_id)
      SELECT ?, ${BM25} AS rank, f.rowid FROM passages_fts f
      WHERE passages_fts MATCH ? ORDER BY rank, f.rowid LIMIT ?`);
    this.db
      .transaction(() => {
        this.db.exec("DELETE FROM top_matches; DELETE FROM top_match_queries; DELETE FROM top_match_build;");
        const seen = new Set<string>();
        for (const query of queries) {
          const expression = toFts5Match(query, "all");
          if (expression === undefined || seen.has(expression)) continue;
          seen.add(expression);
          const matches = (count.get(expression) as { n: number }).n;
          if (matches < minMatches) continue;
          const queryId = insertQuery.run(expression, matches, k, matches).lastInsertRowid;
          insertMatches.run(queryId, expression, k);
        }
        this.db.prepare("INSERT INTO top_match_build (k, min_matches) VALUES (?, ?)").run(k, minMatches);
      })
      .immediate();
  }
}

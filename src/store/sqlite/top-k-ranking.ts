import type Database from "better-sqlite3";
import { BM25, BM25_GIVEN_COUNTS } from "./fts5-match.js";

/** A match expression's best passages as FTS5 orders them (rank, then rowid), with how many match in all. */
export interface BestMatches {
  matches: number;
  /** Ascending: the best first (FTS5's ranks are negated scores). */
  ranks: number[];
  passages: number[];
}

/** How a top-match build ranks one expression; undefined when it has fewer than `minMatches` matches. */
export interface Ranking {
  best(expression: string, phraseCounts: string, k: number, minMatches: number): BestMatches | undefined;
}

/**
 * With the native extension (bm25-given.ts): one walk of the matches scores them with the phrase
 * counts given and keeps the best `k` in `annals_top_k` (native/top-k.c), counting them on the way.
 */
export class TopKRanking implements Ranking {
  private readonly statement: Database.Statement;

  constructor(db: Database.Database) {
    // FTS5 refuses its functions as an aggregate's arguments; "LIMIT -1" keeps SQLite from flattening the subquery.
    this.statement = db
      .prepare(
        `SELECT annals_top_k(rank, id, ?) FROM (SELECT ${BM25_GIVEN_COUNTS} AS rank, rowid AS id FROM passages_fts
        WHERE passages_fts MATCH ? LIMIT -1)`,
      )
      .pluck();
  }

  best(expression: string, phraseCounts: string, k: number, minMatches: number): BestMatches | undefined {
    const blob = this.statement.get(k, phraseCounts, expression) as Buffer;
    const matches = Number(blob.readBigInt64LE(0));
    if (matches < minMatches) return undefined;
    const kept = (blob.length - 8) / 16;
    const ranks = new Array<number>(kept);
    const passages = new Array<number>(kept);
    for (let i = 0; i < kept; i++) {
      ranks[i] = blob.readDoubleLE(8 + 16 * i);
      passages[i] = Number(blob.readBigInt64LE(16 + 16 * i));
    }
    return { matches, ranks, passages };
  }
}

/** Without it: a count, then FTS5's bm25() sorted, which walks the matches twice and each phrase once more. */
export class SortedRanking implements Ranking {
  private readonly count: Database.Statement;
  private readonly rows: Database.Statement;

  constructor(db: Database.Database) {
    this.count = db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?").pluck();
    this.rows = db
      .prepare(
        `SELECT ${BM25} AS rank, rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank, rowid LIMIT ?`,
      )
      .raw();
  }

  best(expression: string, _phraseCounts: string, k: number, minMatches: number): BestMatches | undefined {
    const matches = this.count.get(expression) as number;
    if (matches < minMatches) return undefined;
    const rows = this.rows.all(expression, k) as [number, number][];
    return { matches, ranks: rows.map((row) => row[0]), passages: rows.map((row) => row[1]) };
  }
}

import type Database from "better-sqlite3";
import {
  ALL_DECISIONS_SQL,
  DECISIONS_WITH_STATUS_SQL,
  SqlDecisionStore,
  type DecisionDbRow,
  type DecisionRows,
  type DecisionStatusDbRow,
} from "../decision-log.js";

export function sqliteDecisionStore(db: Database.Database): SqlDecisionStore {
  const rows: DecisionRows = {
    insert: (row) =>
      db
        .prepare(
          `INSERT INTO decisions (kind, payload, user, reason, created_at, undoes)
           VALUES (@kind, @payload, @user, @reason, @created_at, @undoes) RETURNING *`,
        )
        .get(row) as DecisionDbRow,
    get: (id) => db.prepare("SELECT * FROM decisions WHERE id = ?").get(id) as DecisionDbRow | undefined,
    all: () => db.prepare(ALL_DECISIONS_SQL).all() as DecisionDbRow[],
    withStatus: () => db.prepare(DECISIONS_WITH_STATUS_SQL).all() as DecisionStatusDbRow[],
  };
  return new SqlDecisionStore(rows);
}

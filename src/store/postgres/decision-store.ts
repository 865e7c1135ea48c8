import {
  ALL_DECISIONS_SQL,
  DECISIONS_WITH_STATUS_SQL,
  SqlDecisionStore,
  type DecisionDbRow,
  type DecisionRows,
  type DecisionStatusDbRow,
} from "../decision-log.js";
import type { SyncPostgres } from "./sync-client.js";

export function postgresDecisionStore(db: SyncPostgres): SqlDecisionStore {
  const rows: DecisionRows = {
    insert: (row) =>
      db.query<DecisionDbRow>(
        `INSERT INTO decisions (kind, payload, "user", reason, created_at, undoes) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING *`,
        [row.kind, row.payload, row.user, row.reason, row.created_at, row.undoes],
      ).rows[0]!,
    get: (id) => db.query<DecisionDbRow>("SELECT * FROM decisions WHERE id = $1", [id]).rows[0],
    all: () => db.query<DecisionDbRow>(ALL_DECISIONS_SQL).rows,
    withStatus: () => db.query<DecisionStatusDbRow>(DECISIONS_WITH_STATUS_SQL).rows,
  };
  return new SqlDecisionStore(rows);
}

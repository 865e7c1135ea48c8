import type { Decision, DecisionPayload, DecisionWithStatus, NewDecision } from "../../decisions/types.js";
import type { DecisionStore } from "../../decisions/types.js";
import type { SyncPostgres } from "./sync-client.js";

interface DecisionDbRow {
  id: number;
  kind: string;
  payload: string;
  user: string;
  reason: string;
  created_at: string;
  undoes: number | null;
}

/** The user's decisions on PostgreSQL: src/store/sqlite/decision-store.ts, append-only by trigger. */
export class PostgresDecisionStore implements DecisionStore {
  constructor(private readonly db: SyncPostgres) {}

  append(decision: NewDecision): Decision {
    const createdAt = decision.createdAt ?? new Date().toISOString();
    const { kind, ...rest } = decision.payload;
    const row = this.db.query<DecisionDbRow>(
      `INSERT INTO decisions (kind, payload, "user", reason, created_at, undoes) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING *`,
      [kind, JSON.stringify(rest), decision.user, decision.reason, createdAt, decision.undoes ?? null],
    ).rows[0]!;
    return toDecision(row);
  }

  get(id: number): Decision | undefined {
    const row = this.db.query<DecisionDbRow>("SELECT * FROM decisions WHERE id = $1", [id]).rows[0];
    return row ? toDecision(row) : undefined;
  }

  all(): Decision[] {
    return this.db.query<DecisionDbRow>("SELECT * FROM decisions ORDER BY id").rows.map(toDecision);
  }

  withStatus(): DecisionWithStatus[] {
    const rows = this.db.query<DecisionDbRow & { status: DecisionWithStatus["status"] | null; why: string | null }>(
      "SELECT d.*, s.status, s.why FROM decisions d LEFT JOIN decision_status s ON s.decision_id = d.id ORDER BY d.id",
    ).rows;
    return rows.map((r) => ({ ...toDecision(r), status: r.status ?? "pending", ...(r.why ? { why: r.why } : {}) }));
  }
}

function toDecision(row: DecisionDbRow): Decision {
  return {
    id: Number(row.id),
    payload: { kind: row.kind, ...(JSON.parse(row.payload) as object) } as DecisionPayload,
    user: row.user,
    reason: row.reason,
    createdAt: row.created_at,
    ...(row.undoes === null ? {} : { undoes: Number(row.undoes) }),
  };
}

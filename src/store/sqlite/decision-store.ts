import type Database from "better-sqlite3";
import type { Decision, DecisionPayload, DecisionWithStatus, NewDecision } from "../../decisions/types.js";
import type { DecisionStore } from "../../decisions/types.js";

interface DecisionDbRow {
  id: number;
  kind: string;
  payload: string;
  user: string;
  reason: string;
  created_at: string;
  undoes: number | null;
}

export class SqliteDecisionStore implements DecisionStore {
  constructor(private readonly db: Database.Database) {}

  append(decision: NewDecision): Decision {
    const createdAt = decision.createdAt ?? new Date().toISOString();
    const { kind, ...rest } = decision.payload;
    const result = this.db
      .prepare("INSERT INTO decisions (kind, payload, user, reason, created_at, undoes) VALUES (?, ?, ?, ?, ?, ?)")
      .run(kind, JSON.stringify(rest), decision.user, decision.reason, createdAt, decision.undoes ?? null);
    return this.get(Number(result.lastInsertRowid))!;
  }

  get(id: number): Decision | undefined {
    const row = this.db.prepare("SELECT * FROM decisions WHERE id = ?").get(id) as DecisionDbRow | undefined;
    return row ? toDecision(row) : undefined;
  }

  all(): Decision[] {
    return (this.db.prepare("SELECT * FROM decisions ORDER BY id").all() as DecisionDbRow[]).map(toDecision);
  }

  withStatus(): DecisionWithStatus[] {
    const rows = this.db
      .prepare(
        "SELECT d.*, s.status, s.why FROM decisions d LEFT JOIN decision_status s ON s.decision_id = d.id ORDER BY d.id",
      )
      .all() as (DecisionDbRow & { status: DecisionWithStatus["status"] | null; why: string | null })[];
    return rows.map((r) => ({ ...toDecision(r), status: r.status ?? "pending", ...(r.why ? { why: r.why } : {}) }));
  }
}

function toDecision(row: DecisionDbRow): Decision {
  return {
    id: row.id,
    payload: { kind: row.kind, ...(JSON.parse(row.payload) as object) } as DecisionPayload,
    user: row.user,
    reason: row.reason,
    createdAt: row.created_at,
    ...(row.undoes === null ? {} : { undoes: row.undoes }),
  };
}

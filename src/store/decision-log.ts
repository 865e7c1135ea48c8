import type { Decision, DecisionPayload, DecisionStore, DecisionWithStatus, NewDecision } from "../decisions/types.js";

/** A `decisions` row: the payload's kind in its own column, the rest as JSON. */
export interface DecisionDbRow {
  id: number;
  kind: string;
  payload: string;
  user: string;
  reason: string;
  created_at: string;
  undoes: number | null;
}

export type DecisionStatusDbRow = DecisionDbRow & { status: DecisionWithStatus["status"] | null; why: string | null };

export type NewDecisionRow = Omit<DecisionDbRow, "id">;

export const ALL_DECISIONS_SQL = "SELECT * FROM decisions ORDER BY id";
export const DECISIONS_WITH_STATUS_SQL =
  "SELECT d.*, s.status, s.why FROM decisions d LEFT JOIN decision_status s ON s.decision_id = d.id ORDER BY d.id";

/** The four statements a backend runs for the decision log (its placeholders differ). */
export interface DecisionRows {
  insert(row: NewDecisionRow): DecisionDbRow;
  get(id: number): DecisionDbRow | undefined;
  all(): DecisionDbRow[];
  withStatus(): DecisionStatusDbRow[];
}

/** The append-only log of the user's decisions over a backend's rows (triggers refuse changes). */
export class SqlDecisionStore implements DecisionStore {
  constructor(private readonly rows: DecisionRows) {}

  append(decision: NewDecision): Decision {
    const { kind, ...rest } = decision.payload;
    return toDecision(
      this.rows.insert({
        kind,
        payload: JSON.stringify(rest),
        user: decision.user,
        reason: decision.reason,
        created_at: decision.createdAt ?? new Date().toISOString(),
        undoes: decision.undoes ?? null,
      }),
    );
  }

  get(id: number): Decision | undefined {
    const row = this.rows.get(id);
    return row ? toDecision(row) : undefined;
  }

  all(): Decision[] {
    return this.rows.all().map(toDecision);
  }

  withStatus(): DecisionWithStatus[] {
    return this.rows
      .withStatus()
      .map((r) => ({ ...toDecision(r), status: r.status ?? "pending", ...(r.why ? { why: r.why } : {}) }));
  }
}

/** PostgreSQL returns bigint columns as strings: ids are numbers here whatever the backend. */
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

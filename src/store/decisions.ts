import type { Decision, DecisionStatus, DecisionWithStatus, NewDecision } from "../decisions/types.js";

/**
 * The user's corrections: an append-only log that ingest never rewrites. The corpus stage reads it,
 * applies it, and records each decision's status with the corpus (`ResolvedCorpus.decisionStatuses`).
 */
export interface DecisionStore {
  /** Appends a decision (a tombstone when `undoes` is set) and returns it with its id and time. */
  append(decision: NewDecision): Decision;
  get(id: number): Decision | undefined;
  /** Every decision in the order written. */
  all(): Decision[];
  /** Every decision with its status after the last corpus stage ("pending" before one ran). */
  withStatus(): DecisionWithStatus[];
}

export type { DecisionStatus };

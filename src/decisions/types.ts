import type { EntityType } from "../annotate/mentions/types.js";

/**
 * An entity as the resolver keys it: its type and the transliteration key string of its name
 * (see `keyedWords`), with a few of its names so a person can tell what was meant.
 */
export interface EntityAnchor {
  type: EntityType;
  key: string;
  names: string[];
}

/**
 * One mention: the document's content hash, its offsets into the document text, its text. When the
 * document changes (a new hash), the mention is found again in the document now at `path` by its
 * text with the words around it (`prefix`, `suffix`), as a W3C TextQuoteSelector finds a quote.
 */
export interface MentionAnchor {
  document: string;
  start: number;
  end: number;
  text: string;
  path?: string;
  prefix?: string;
  suffix?: string;
}

/** One claim: the document, the span of the quote it rests on (its citation's offsets), what it says. */
export interface ClaimAnchor {
  document: string;
  start: number;
  end: number;
  property: string;
  value: string;
}

/** An event as one of its quotes locates it: the event holding a claim on that quote. */
export interface EventAnchor {
  document: string;
  start: number;
  end: number;
}

export type NameRuleAction = { do: "reject" } | { do: "retype"; type: EntityType } | { do: "rename"; name: string };

export type DecisionPayload =
  | { kind: "same-as" | "not-same-as" | "unsure"; entities: [EntityAnchor, EntityAnchor] }
  | { kind: "reject-mention"; mention: MentionAnchor }
  | { kind: "retype-mention"; mention: MentionAnchor; type: EntityType }
  | { kind: "rename-entity"; entity: EntityAnchor; name: string }
  | { kind: "reject-claim"; claim: ClaimAnchor }
  | { kind: "set-field"; event: EventAnchor; field: string; value: string }
  /** Every mention named `name` (in documents whose path starts with `pathPrefix`) gets `action`. */
  | { kind: "name-rule"; name: string; pathPrefix?: string; action: NameRuleAction }
  /** A tombstone: the decision `undoes` no longer applies. */
  | { kind: "undo" };

export type DecisionKind = DecisionPayload["kind"];

export const DECISION_KINDS: readonly DecisionKind[] = [
  "same-as",
  "not-same-as",
  "unsure",
  "reject-mention",
  "retype-mention",
  "rename-entity",
  "reject-claim",
  "set-field",
  "name-rule",
  "undo",
];

/** A decision as written: never changed afterwards, only undone by a later tombstone. */
export interface Decision {
  id: number;
  payload: DecisionPayload;
  user: string;
  reason: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Set on tombstones: the decision this one undoes. */
  undoes?: number;
}

export type NewDecision = Omit<Decision, "id" | "createdAt"> & { createdAt?: string };

/** What the last corpus stage made of a decision. */
export interface DecisionStatus {
  decisionId: number;
  status: "applied" | "orphaned" | "undone";
  /** Why it is orphaned: which anchor is no longer found. */
  why?: string;
}

export interface DecisionWithStatus extends Decision {
  /** "pending" until a corpus stage has run since the decision was made. */
  status: DecisionStatus["status"] | "pending";
  why?: string;
}

export interface DecisionView extends DecisionWithStatus {
  /** One line a person reads: what was decided. */
  summary: string;
}

/** A change to mentions the user decided: one mention by its place, or every mention of a name. */
export interface MentionEdit {
  match: { documentId: string; start: number; end: number; text: string } | { name: string; pathPrefix?: string };
  /** Type "rejected" takes the mention out of every entity; a new name makes it a mention of that name. */
  set: { type: EntityType | "rejected" } | { name: string };
}

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

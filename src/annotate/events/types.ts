import type { Span } from "../../core/document.js";
import type { DatePrecision } from "../dates/index.js";
import type { EntityType } from "../mentions/types.js";

export type EventType =
  | "coup"
  | "revolt"
  | "revolution"
  | "war"
  | "battle"
  | "arrest"
  | "execution"
  | "exile"
  | "order"
  | "meeting"
  | "formation"
  | "attack"
  | "announcement"
  | "appointment"
  | "other";

/** A value of an event field with the span that states it. Offsets are into the document text. */
export interface EventFieldValue extends Span {
  value: string;
  /** The sentence (or infobox line) quoted as evidence. */
  quote: Span;
  extractor: string;
  confidence: number;
}

export type ParticipantRole = "agent" | "patient" | "commander" | "combatant" | "participant" | "place";

export interface EventParticipant extends Span {
  name: string;
  type: EntityType;
  role: ParticipantRole;
  /** Side in a conflict, "1" or "2", when the source says (infobox Combatant1/Commander2 …). */
  side?: string;
  quote: Span;
  extractor: string;
}

export interface EventDate {
  value: string;
  earliest: string;
  latest: string;
  precision: DatePrecision;
}

/** One document's account of one event: what a later stage merges across documents. */
export interface EventMention {
  type: EventType;
  /** A short human label: the infobox Conflict, a named event ("14 July Revolution") or trigger + object ("Qasim ordered to Jordan"). */
  label: string;
  /** The trigger word or name span ("coup", "overthrew", "Ar-Rashid revolt"). */
  trigger: Span & { text: string };
  /** Where the account is stated: the sentence, or the whole infobox block. */
  quote: Span;
  date?: EventDate & { span: Span };
  place?: { name: string; span: Span };
  participants: EventParticipant[];
  /**
   * Other fields, keyed like an infobox with lower-case names: result, strength1, strength2,
   * casualties1, casualties2, casualties3, partof …
   */
  fields: Record<string, EventFieldValue[]>;
  /** True when this account names the event rather than only describing it (an infobox, a title, "the 14 July Revolution"). */
  named: boolean;
  /**
   * An anaphoric mention of an event told elsewhere ("after the coup", "three months after coup", "since last
   * Monday's coup", "the coup" in a later sentence): attach it to an existing event; any date near it is not the
   * event's own. Only a date the mention itself states ("last Monday's coup", "the coup of 14 July") is kept.
   */
  refersBack?: true;
  /** The dataset a row of a table of events comes from ("Powell & Thyne"): linked to text events, never merged with its own rows. */
  dataset?: string;
  extractor: string;
  confidence: number;
}

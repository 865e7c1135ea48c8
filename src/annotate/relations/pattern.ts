import type { EventContext, Unit } from "../events/context.js";
import type { RelationMention } from "./types.js";

/** A text pattern anchored on a word: it looks around item `at` of a sentence for the two ends. */
export interface RelationPattern {
  readonly name: string;
  /** Lower-cased words the pattern can start from. */
  readonly anchors: ReadonlySet<string>;
  /** Lemmas one of which a sentence must hold for the pattern to match (defaults to the anchors). */
  readonly cues?: ReadonlySet<string>;
  match(context: EventContext, unit: Unit, at: number): RelationMention[];
}

import type { EventContext } from "./context.js";
import type { TriggerKind } from "./lexicon.js";
import type { EventMention } from "./types.js";

/** An event account while extractors and refiners work on it. */
export interface Draft {
  event: EventMention;
  kind: TriggerKind | "named";
  /** The sentence (unit index) it was found in; -1 for infobox and front matter. */
  unit: number;
  paragraph: number;
  /** Sentences whose accounts were merged into it. */
  units: Set<number>;
  /** The event the document is about: its infobox, front matter or opening sentence. */
  main: boolean;
  /** Refers back to an event told before ("the revolt") rather than telling one. */
  anaphoric: boolean;
  /** Only a time reference ("after the coup"): it adds nothing but its existence. */
  reference: boolean;
}

export interface EventExtractor {
  readonly name: string;
  extract(context: EventContext): Draft[];
}

export interface EventRefiner {
  readonly name: string;
  refine(context: EventContext, drafts: Draft[]): Draft[];
}

export function draftOf(event: EventMention, kind: Draft["kind"], unit = -1, paragraph = -1): Draft {
  const units = new Set<number>(unit >= 0 ? [unit] : []);
  return { event, kind, unit, paragraph, units, main: false, anaphoric: false, reference: false };
}

/** Names the caller already knows (from other documents of the corpus), found in this one. */
import type { KnownName } from "../known-names.js";
import { findKnownNames } from "../known-names.js";
import type { MentionExtractor } from "../types.js";

export function knownNameExtractor(known: readonly KnownName[]): MentionExtractor {
  return {
    name: "known-name",
    extract: (context) => findKnownNames(context, known),
  };
}

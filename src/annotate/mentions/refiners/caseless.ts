/**
 * Lower-cased documents (seed 000): capitals tell nothing, so whatever a capital-reading extractor
 * of a custom configuration produced is dropped, and a one-word place found without capitals is
 * less sure ("jordan" may be a man). Known names and the gazetteer ran case-insensitively already.
 */
import type { Mention, MentionRefiner } from "../types.js";

const NEEDS_CAPITALS = new Set([
  "title-rank",
  "arabic-name",
  "given-name",
  "organization-head",
  "place-head",
  "acronym",
  "parenthetical",
  "model",
]);

export const caselessRefiner: MentionRefiner = {
  name: "caseless",
  refine(context, mentions) {
    if (!context.caseless) return mentions;
    const out: Mention[] = [];
    for (const mention of mentions) {
      if (mention.extractor.split("+").some((part) => NEEDS_CAPITALS.has(part))) continue;
      const single = mention.type === "place" && !/\s/.test(mention.text) && mention.extractor === "gazetteer";
      out.push(single ? { ...mention, confidence: Math.round(mention.confidence * 90) / 100 } : mention);
    }
    return out;
  },
};

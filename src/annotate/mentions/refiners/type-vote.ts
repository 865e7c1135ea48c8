/**
 * Type vote: where extractors found the same span, one mention stays, typed by the most trusted
 * (rule > gazetteer > model) — except that the model may retype a one-word city. A disagreement
 * shows in `extractor` ("model+gazetteer": the model's type lost to the gazetteer's). Then, across
 * the document, a name the model alone typed takes the type a rule gave the same name elsewhere.
 */
import { isContextFree, priorityOf, typeTier } from "../priority.js";
import type { Mention, MentionRefiner } from "../types.js";

const ENTITY_TYPES = new Set(["person", "organization", "place", "group"]);

function winner(group: readonly Mention[]): Mention {
  if (group.length === 1) return group[0]!;
  const modelSays = group.find((mention) => mention.extractor === "model");
  const ranked = [...group].sort(
    (a, b) => typeTier(b.extractor) - typeTier(a.extractor) || priorityOf(b.extractor) - priorityOf(a.extractor),
  );
  let best = ranked[0]!;
  const contextFree = ranked.every((m) => m === modelSays || isContextFree(m));
  if (modelSays && modelSays.type !== best.type && contextFree) best = modelSays;
  const losers = group.filter((mention) => mention.type !== best.type);
  const confidence = Math.min(0.99, Math.max(...group.map((m) => m.confidence)) + (group.length > 1 ? 0.05 : 0));
  const merged: Mention = { ...best, confidence: Math.round(confidence * 100) / 100 };
  for (const mention of group) {
    if (merged.role === undefined && mention.role !== undefined) merged.role = mention.role;
    if (merged.aliasOf === undefined && mention.aliasOf !== undefined) merged.aliasOf = mention.aliasOf;
    if (merged.ref === undefined && mention.ref !== undefined) merged.ref = mention.ref;
  }
  if (losers.length > 0)
    merged.extractor = `${[...new Set(losers.map((m) => m.extractor))].join("+")}+${best.extractor}`;
  return merged;
}

export const typeVoteRefiner: MentionRefiner = {
  name: "type-vote",
  refine(_context, mentions) {
    const groups = new Map<string, Mention[]>();
    const out: Mention[] = [];
    for (const mention of mentions) {
      if (!ENTITY_TYPES.has(mention.type)) {
        out.push(mention);
        continue;
      }
      const key = `${mention.start}:${mention.end}`;
      const group = groups.get(key);
      if (group) group.push(mention);
      else groups.set(key, [mention]);
    }
    const voted = [...groups.values()].map(winner);
    const ruled = new Map<string, Mention>();
    for (const mention of voted) {
      if (typeTier(mention.extractor) >= 2 && mention.type !== "group") ruled.set(mention.text, mention);
    }
    for (const mention of voted) {
      const rule = mention.extractor === "model" ? ruled.get(mention.text) : undefined;
      out.push(rule && rule.type !== mention.type ? { ...mention, type: rule.type, extractor: "model+vote" } : mention);
    }
    return out;
  },
};

/**
 * Type vote: where extractors found the same span, one mention stays, typed by the most trusted
 * (rule > gazetteer > model) — except that the model may retype a one-word city, unless a locative
 * preposition stands before it ("near Jarabulus"). A disagreement
 * shows in `extractor` ("model+gazetteer": the model's type lost to the gazetteer's). Then, across
 * the document, a name the model alone typed takes the type a rule gave the same name elsewhere (not a
 * dictionary's guess without context, such as a city's name, which the model read in context), and
 * a one-word person takes the type of the body or place the document names by it and a head word
 * ("al-Nusra" after "al-Nusra Front", "Hasakah" after "Hasakah Governorate").
 */
import { isContextFree, priorityOf, typeTier } from "../priority.js";
import { followsLocative } from "../lexicon/organizations.js";
import type { EntityType } from "../types.js";
import type { Mention, MentionContext, MentionRefiner } from "../types.js";

const ENTITY_TYPES = new Set(["person", "organization", "place", "group"]);

function winner(context: MentionContext, group: readonly Mention[]): Mention {
  if (group.length === 1) return group[0]!;
  const modelSays = group.find((mention) => mention.extractor === "model");
  const ranked = [...group].sort(
    (a, b) => typeTier(b.extractor) - typeTier(a.extractor) || priorityOf(b.extractor) - priorityOf(a.extractor),
  );
  let best = ranked[0]!;
  const contextFree = ranked.every((m) => m === modelSays || isContextFree(m));
  const placed = best.type === "place" && followsLocative(context.document.text, best.start);
  if (modelSays && modelSays.type !== best.type && contextFree && !placed) best = modelSays;
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

/**
 * Heads after which the word before is the body's or the place's own name, not a namesake's (a
 * brigade, a street or a university may be named after a man; a front or a governorate seldom).
 */
const OWN_NAME_HEADS: Readonly<Record<string, EntityType>> = Object.fromEntries([
  ..."Front Party Movement Army Network Group Organization Organisation Alliance Coalition"
    .split(" ")
    .map((head) => [head, "organization"] as const),
  ..."Governorate Province District Region River Valley Desert Mountains Lake Oasis Plain"
    .split(" ")
    .map((head) => [head, "place"] as const),
]);

/** First words of two-word bodies and places named with their head: "al-Nusra" of "al-Nusra Front". */
function headedNames(mentions: readonly Mention[]): Map<string, EntityType> {
  const out = new Map<string, EntityType>();
  for (const { name, type } of mentions) {
    const [first, head, more] = name.split(" ");
    if (first && head && more === undefined && OWN_NAME_HEADS[head] === type) out.set(first, type);
  }
  return out;
}

export const typeVoteRefiner: MentionRefiner = {
  name: "type-vote",
  refine(context, mentions) {
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
    const voted = [...groups.values()].map((group) => winner(context, group));
    const ruled = new Map<string, Mention>();
    for (const mention of voted) {
      if (typeTier(mention.extractor) >= 2 && mention.type !== "group" && !isContextFree(mention))
        ruled.set(mention.text, mention);
    }
    const headed = headedNames(voted);
    for (const mention of voted) {
      const rule = mention.extractor === "model" ? ruled.get(mention.text) : undefined;
      // The context rule only ever retypes a person ("the Taliban"): its reading is no reason to retype a place.
      if (rule?.extractor.endsWith("+context") && mention.type !== "person") {
        out.push(mention);
        continue;
      }
      const type = rule?.type ?? (mention.type === "person" ? headed.get(mention.name) : undefined);
      out.push(type && type !== mention.type ? { ...mention, type, extractor: `${mention.extractor}+vote` } : mention);
    }
    return out;
  },
};

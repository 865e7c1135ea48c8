/**
 * One sense per document: a name found with confidence is found again wherever the document
 * repeats it (capitalised), a person's surname alone included ("Habib", "Sari" after "Muhammad
 * Habib", "Corporal Hasan Sari") and its other transliterations ("Qassem" after "Qasim", "Aref"
 * after "Arif"). The new mentions then compete with the others as in the overlaps refiner.
 */
import { lowerCaseWordsOf } from "../document-words.js";
import { findKnownNames } from "../known-names.js";
import type { KnownName } from "../known-names.js";
import type { EntityType, Mention, MentionContext, MentionRefiner } from "../types.js";
import { isContextFree } from "../priority.js";
import { resolveOverlaps } from "./overlaps.js";

const STRONG = 0.75;
const STRONG_FOUND = 0.7;
const WEAK_FOUND = 0.5;

/** Names worth finding again, each with the confidence its recurrences get. */
function namesOf(mentions: readonly Mention[], context: MentionContext): KnownName[] {
  const names = new Map<string, KnownName>();
  const add = (name: string, type: EntityType, confidence: number): void => {
    const key = `${type}:${name}`;
    if ((names.get(key)?.confidence ?? 0) < confidence) names.set(key, { name, type, confidence });
  };
  for (const mention of mentions) {
    if (mention.type !== "person" && mention.type !== "organization" && mention.type !== "place") continue;
    // The gazetteer finds its places wherever they recur; its guesses must not hide a surname ("Sari").
    if (mention.extractor.endsWith("gazetteer")) continue;
    // A one-word name the document also writes in lower case is a word there ("Private Security").
    if (!/\s/.test(mention.name) && lowerCaseWordsOf(context).has(mention.name.toLowerCase())) continue;
    const strong = mention.confidence >= STRONG;
    // Weak (model) names spread only as persons and organizations of two words or more.
    if (!strong && (mention.type === "place" || (mention.type === "organization" && !/\s/.test(mention.name))))
      continue;
    const confidence = strong ? STRONG_FOUND : WEAK_FOUND;
    add(mention.name, mention.type, confidence);
    if (mention.role === undefined && mention.text !== mention.name) add(mention.text, mention.type, confidence);
    if (strong && mention.aliasOf !== undefined && mention.type !== "person")
      add(mention.aliasOf, mention.type, confidence);
  }
  return [...names.values()];
}

function recurrences(context: MentionContext, mentions: readonly Mention[]): Mention[] {
  const names = namesOf(mentions, context);
  const found = findKnownNames(context, names, { extractor: "document-name" });
  const persons = names
    .filter((name) => name.type === "person" && name.confidence === STRONG_FOUND)
    .map((name) => ({ ...name, confidence: STRONG_FOUND - 0.05 }));
  if (persons.length > 0) {
    found.push(...findKnownNames(context, persons, { extractor: "document-name", transliteration: true }));
  }
  return found;
}

export const documentNamesRefiner: MentionRefiner = {
  name: "document-names",
  refine(context, mentions) {
    if (context.caseless) return mentions;
    const found = recurrences(context, mentions);
    const taken = new Map(mentions.map((mention) => [`${mention.start}:${mention.end}`, mention]));
    const replaced = new Set<Mention>();
    const added: Mention[] = [];
    for (const mention of found) {
      const other = taken.get(`${mention.start}:${mention.end}`);
      // A name the document states surely beats a dictionary's guess on the same words ("Sari").
      if (other && !(isContextFree(other) && other.type !== mention.type && mention.confidence >= 0.6)) continue;
      if (other) replaced.add(other);
      added.push(other ? { ...mention, extractor: `${other.extractor}+document-name` } : mention);
    }
    return resolveOverlaps([...mentions.filter((mention) => !replaced.has(mention)), ...added]);
  },
};

import type { EntityType } from "./tags.js";

/** Looks up a lower-cased token: the entity type a word list gives it, if any. */
export type Gazetteer = (lowerToken: string) => EntityType | undefined;

/**
 * A word's category for the tagger's list features: an entity type, a nationality word
 * ("iraqi"), or a common English word ("however"), which capitalised is seldom a name.
 */
export type WordCategory = EntityType | "demonym" | "common";
export type WordLookup = (lowerToken: string) => WordCategory | undefined;

/** Word lists by category, all lower case, one token each: how a model file stores them. */
export type WordLists = Partial<Record<WordCategory, readonly string[]>>;

const PRIORITY: readonly WordCategory[] = ["LOC", "ORG", "PER", "demonym", "common"];

/** A lookup over lists; a word in several lists gets the first category in PRIORITY. */
export function lookupFromLists(lists: WordLists): WordLookup {
  const categories = new Map<string, WordCategory>();
  for (const category of PRIORITY) {
    for (const word of lists[category] ?? []) if (!categories.has(word)) categories.set(word, category);
  }
  return (lowerToken) => categories.get(lowerToken);
}

/** The caller's gazetteer first, then the model's own lists. */
export function combineLookups(first: Gazetteer | undefined, second: WordLookup | undefined): WordLookup | undefined {
  if (!first) return second;
  if (!second) return first;
  return (lowerToken) => first(lowerToken) ?? second(lowerToken);
}

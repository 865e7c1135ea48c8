/**
 * Builds the training gazetteer from the lexicon of compromise (MIT licence, a development
 * dependency): its first and last names, countries, regions, cities and organizations. The lists
 * are stored in the model file, so tagging never needs compromise.
 */
import type { WordCategory, WordLists } from "./gazetteer.js";

const CATEGORY_OF_TAG: Readonly<Record<string, WordCategory>> = {
  Country: "LOC",
  City: "LOC",
  Region: "LOC",
  Organization: "ORG",
  SportsTeam: "ORG",
  FirstName: "PER",
  MaleName: "PER",
  FemaleName: "PER",
  LastName: "PER",
  Person: "PER",
  Demonym: "demonym",
};
/** Tags of words that are no names: a capitalised one is mostly sentence-initial or in a title. */
const NAME_TAGS = new Set([
  ...Object.keys(CATEGORY_OF_TAG),
  "Place",
  "ProperNoun",
  "Honorific",
  "Actor",
  "Abbreviation",
]);
/** Multi-word entries add their words one by one, except words like these that say nothing alone. */
const GENERIC = new Set(
  "of the and de la le du da di van von der den new san santa saint st north south east west city united states republic".split(
    " ",
  ),
);

interface CompromiseWorld {
  model: { one: { lexicon: Record<string, string | string[]> } };
}

export async function compromiseGazetteer(): Promise<WordLists> {
  const nlp = (await import("compromise")).default as unknown as { world(): CompromiseWorld };
  const lexicon = nlp.world().model.one.lexicon;
  const lists = new Map<WordCategory, Set<string>>();
  const add = (category: WordCategory, word: string): void => {
    const list = lists.get(category) ?? new Set<string>();
    lists.set(category, list.add(word));
  };
  for (const [entry, tagOrTags] of Object.entries(lexicon)) {
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    const words = entry.split(" ");
    if (!tags.some((tag) => NAME_TAGS.has(tag))) {
      if (words.length === 1 && /^[a-z]+$/.test(entry)) add("common", entry);
      continue;
    }
    const known = tags.map((tag) => CATEGORY_OF_TAG[tag]).filter((c): c is WordCategory => c !== undefined);
    const category = known[0];
    if (category === undefined || known.length !== tags.length) continue;
    if (words.length === 1) add(category, entry);
    else if (category !== "ORG")
      for (const word of words) if (word.length > 2 && !GENERIC.has(word)) add(category, word);
  }
  return Object.fromEntries([...lists].map(([category, words]) => [category, [...words].sort()]));
}

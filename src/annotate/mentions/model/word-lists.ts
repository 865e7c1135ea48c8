/**
 * The word lists the tagger is trained with (its gazetteer features): compromise's lexicon, the
 * place gazetteer's countries and regions (data/gazetteer/places.tsv; its cities made the model worse), Arabic given
 * names and nationality words. Build time only: the lists are stored in the model file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GIVEN_NAMES } from "../lexicon/titles.js";
import { PLACES_FILE } from "../gazetteer/places.js";
import { compromiseGazetteer } from "./compromise-gazetteer.js";
import type { WordCategory, WordLists } from "./gazetteer.js";
import { packageRoot } from "./package-root.js";

const GENERIC = new Set(
  "of the and de la le du da di van von der den new san santa saint st north south east west city upon al el".split(
    " ",
  ),
);
const DEMONYMS =
  "iraqi syrian egyptian jordanian lebanese kurdish saudi yemeni arab arabic palestinian israeli iranian " +
  "turkish libyan tunisian algerian moroccan sudanese kuwaiti qatari emirati omani bahraini soviet";

/** Words of the gazetteer's countries and regions that are no common English word or personal name. */
function placeWords(root: string): string[] {
  const words = new Set<string>();
  for (const line of readFileSync(join(root, PLACES_FILE), "utf8").split("\n")) {
    if (line.startsWith("#") || line.length === 0) continue;
    const [name = "", , kind = "", , , flags = ""] = line.split("\t");
    if (flags.includes("c") || flags.includes("p") || kind === "city") continue;
    for (const word of name.toLowerCase().split(/[\s-]+/)) {
      if (word.length > 2 && !GENERIC.has(word) && /^[\p{L}'’.]+$/u.test(word)) words.add(word);
    }
  }
  return [...words];
}

export async function trainingWordLists(root = packageRoot()): Promise<WordLists> {
  const lists = await compromiseGazetteer();
  const merged = new Map<WordCategory, Set<string>>(
    Object.entries(lists).map(([category, words]) => [category as WordCategory, new Set(words)]),
  );
  const add = (category: WordCategory, words: Iterable<string>) => {
    const set = merged.get(category) ?? new Set<string>();
    for (const word of words) set.add(word);
    merged.set(category, set);
  };
  add("PER", GIVEN_NAMES);
  add("LOC", placeWords(root));
  add("demonym", DEMONYMS.split(" "));
  return Object.fromEntries([...merged].map(([category, words]) => [category, [...words].sort()]));
}

import { countryNamed, countryOfWord, isNationalQualifier } from "../annotate/mentions/gazetteer/countries.js";
import { foldToken } from "../core/name-key.js";
import { acronymLetters } from "./entity-acronyms.js";

/** What a word of a name stands for when it qualifies the name nationally or by place. */
export interface Qualifier {
  /** The country's code, for a nationality word or a country's name. */
  country: string | undefined;
  /** What the qualifier is compared by: the country's code, else the folded place name ("manbij"). */
  identity: string | undefined;
}

/** The longest country name of several words read together ("United States of America" keys as three words). */
const MAX_COUNTRY_WORDS = 4;
const CACHE_LIMIT = 100_000;
const cache = new Map<string, readonly (Qualifier | undefined)[]>();

/**
 * The qualifier each word of a name is, undefined for the name's own words: nationality words,
 * countries named by one word or by several read together ("United States", "Saudi Arabia"), and
 * other places ("Manbij Military Council").
 */
export function qualifiers(words: readonly string[]): readonly (Qualifier | undefined)[] {
  const cacheKey = words.join("\u0000");
  let found = cache.get(cacheKey);
  if (found !== undefined) return found;
  const out: (Qualifier | undefined)[] = new Array<Qualifier | undefined>(words.length).fill(undefined);
  for (let i = 0; i < words.length;) {
    const run = countryRun(words, i);
    if (run !== undefined) {
      out.fill({ country: run.country, identity: run.country }, i, i + run.length);
      i += run.length;
      continue;
    }
    const word = words[i]!;
    if (isNationalQualifier(word)) {
      const country = countryOfWord(word);
      // "UN" is a place in the gazetteer too: letters in capitals are no place to tell bodies apart by.
      const identity = country ?? (acronymLetters(word) === undefined ? `place:${foldToken(word)}` : undefined);
      out[i] = { country, identity };
    }
    i++;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, (found = out));
  return found;
}

/** A country named by the words from `start` on, two words or more. */
function countryRun(words: readonly string[], start: number): { country: string; length: number } | undefined {
  for (let length = Math.min(MAX_COUNTRY_WORDS, words.length - start); length >= 2; length--) {
    const country = countryNamed(words.slice(start, start + length).join(" "));
    if (country !== undefined) return { country, length };
  }
  return undefined;
}

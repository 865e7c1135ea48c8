import type { EntityType } from "../annotate/mentions/types.js";
import { foldToken, NAME_PARTICLES, tokenKey } from "../core/name-key.js";

/**
 * Token keys of a name as resolution compares them: transliteration keys, particles dropped,
 * acronyms kept as letters ("CIA" → "cia", not a phonetic key), group adjectives reduced to
 * their stem for organizations ("Baathist" → the key of "Baath"). Each with the word it keys.
 */
export function keyedWords(name: string, type: EntityType): { word: string; key: string }[] {
  const parts: { word: string; key: string }[] = [];
  for (const word of name.split(/[\s\-–‐—,.()]+/)) {
    if (word.length === 0) continue;
    const folded = foldToken(word);
    if (NAME_PARTICLES.has(folded) || folded === "of" || folded === "the" || folded === "and") continue;
    if (/^[A-Z]{2,6}$/.test(word)) {
      parts.push({ word, key: folded });
      continue;
    }
    const stem = type === "organization" ? folded.replace(/ists?$/, "") : folded;
    const key = tokenKey(stem.length >= 3 ? stem : folded);
    if (key) parts.push({ word, key });
  }
  return parts;
}

/** Organization words that make a body of its own: "Ba'ath Party Regional Command" is not the Ba'ath Party. */
export const SUBORDINATE_HEADS: ReadonlySet<string> = new Set(
  [
    "command",
    "committee",
    "council",
    "bureau",
    "branch",
    "cell",
    "section",
    "wing",
    "office",
    "leadership",
    "ministry",
    "police",
  ].map(tokenKey),
);

/** Words that make a name generic: "National Guard" can be a different body in another period. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  [
    "national",
    "guard",
    "army",
    "party",
    "front",
    "union",
    "council",
    "committee",
    "movement",
    "republican",
    "people",
    "popular",
    "liberation",
    "democratic",
    "socialist",
    "communist",
    "revolutionary",
    "central",
    "workers",
    "navy",
    "air",
    "force",
    "forces",
    "armed",
    "military",
    "militia",
    "brigade",
    "division",
    "command",
    "radio",
    "voluntary",
    "militia",
    "police",
    "government",
  ].map(tokenKey),
);

/** Place words that do not identify a place on their own: "Camp Rashid" is "Ar-Rashid army camp". */
export const GENERIC_PLACE_WORDS: ReadonlySet<string> = new Set(
  [
    "camp",
    "army",
    "city",
    "province",
    "governorate",
    "district",
    "river",
    "mountain",
    "mountains",
    "desert",
    "prison",
    "palace",
    "republic",
    "kingdom",
    "region",
    "base",
    "airport",
    "square",
    "street",
    "valley",
    "lake",
    "island",
    "state",
  ].map(tokenKey),
);

/** Is `short` a contiguous run of `long`? */
export function isContiguousRun(short: readonly string[], long: readonly string[]): number {
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return i;
  }
  return -1;
}

/** Is `short` a subsequence of `long`, keeping order? */
export function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let j = 0;
  for (const key of long) if (j < short.length && key === short[j]) j++;
  return j === short.length;
}

/**
 * The back/front vowel pattern of a name's last word: transliterations swap a, e and i (Qasim,
 * Qassem) or o and u (Omar, Umar) but not one group for the other, so Saud is not Said even though
 * both keys are "sd".
 */
export function vowelPattern(name: string): string {
  const last = foldToken(name.split(/[\s\-–‐]+/).at(-1) ?? "");
  const classes = last
    .replace(/[^aeiouy]/g, "")
    .replace(/[aeiy]/g, "A")
    .replace(/[ou]/g, "U");
  return classes.replace(/(.)\1+/g, "$1");
}

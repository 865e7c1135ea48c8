/** Word tests for person names: Arabic particles, given names, demonyms. */
import { loadNerModel } from "../model/index.js";
import { GIVEN_NAMES } from "./titles.js";

const JOINED_ARTICLE = /^(?:al|el|as|ar|ad|an|at|az|ash|ud|ul)[-‐]\p{L}/iu;
const JOINED_AL = /^Al\p{Lu}\p{Ll}/u;
const HYPHENATED_ABD = /^Abd(?:ul|el|al|ol)?[-‐]\p{Lu}/u;
const PARTICLE_WORDS = new Set(["abd", "abdul", "abdel", "abu", "umm", "ibn", "bin", "bint"]);

/** True for a word that marks an Arabic name: "al-Bakr", "As-Said", "AlDabbagh", "Abdul-Karim", "Abu", "ibn". */
export function isArabicNameMarker(word: string, next?: string): boolean {
  if (JOINED_ARTICLE.test(word) || JOINED_AL.test(word) || HYPHENATED_ABD.test(word)) return true;
  const lower = word.toLowerCase();
  if (PARTICLE_WORDS.has(lower)) return next !== undefined;
  return (word === "Al" || word === "El") && next !== undefined && /^\p{Lu}/u.test(next);
}

/** A single word that is only an article-joined name: "al-Sa'di", "al-Bakr". */
export function isJoinedArticleName(word: string): boolean {
  return JOINED_ARTICLE.test(word);
}

let firstNames: ReadonlySet<string> | undefined;
let demonyms: ReadonlySet<string> | undefined;

export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word.toLowerCase().replace(/['’]/g, ""));
}

/** Given names of any origin: the Arabic list and the personal names the tagger was trained with. */
export function isKnownFirstName(word: string): boolean {
  firstNames ??= new Set(loadNerModel().wordLists?.PER ?? []);
  return isGivenName(word) || firstNames.has(word.toLowerCase());
}

export function isDemonym(word: string): boolean {
  demonyms ??= new Set(loadNerModel().wordLists?.demonym ?? []);
  const lower = word.toLowerCase();
  return (
    demonyms.has(lower) || /^(?:iraqi|syrian|egyptian|jordanian|lebanese|kurdish|saudi|yemeni|arab|soviet)$/.test(lower)
  );
}

/**
 * Transliteration-folded keys, so that the spellings of one Arabic, Persian or Turkish name meet:
 * Qasim, Qassim, Qassem and Kassem all give "ksm"; Arif and Aref give "arf"; Sa'di and Sadi give "sd".
 *
 * A key drops apostrophes and ʿayn, diacritics, vowels after the first letter and doubled letters,
 * and folds q→k, c→k (but ch stays), ph→f. It is a recall device: callers gate merges with other rules.
 * A word in Arabic script is first spelled in Latin letters (arabic-key.ts): قاسم and Qasim meet.
 */
import { arabicToLatin, isArabicScript } from "./arabic-key.js";

/** Name particles that carry no identity: "al-Sa'di" and "Sa'di" are the same name. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "al",
  "el",
  "as",
  "ar",
  "ad",
  "an",
  "at",
  "az",
  "ash",
  "ul",
  "ad-",
  "l",
]);

const APOSTROPHES = /['’‘ʿʾ`´ʻʼ]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Lower-cases, strips diacritics and apostrophes: "Ba'ath" → "baath", "Qāsim" → "qasim". */
export function foldToken(token: string): string {
  let s = token.toLowerCase();
  if (/[^ -~]/.test(s)) s = s.normalize("NFD").replace(COMBINING, "");
  return s.replace(APOSTROPHES, "");
}

/** The phonetic key of one token; "" for particles and tokens without letters. Arabic script too. */
export function tokenKey(token: string): string {
  let s = isArabicScript(token) ? arabicToLatin(token) : foldToken(token);
  if (/^al(?=[a-z]{4,})/.test(s) && /^[Aa]l[A-Z]/.test(token)) s = s.slice(2);
  if (NAME_PARTICLES.has(s)) return "";
  if (/\d/.test(s)) return s.replace(/[^a-z0-9]/g, "");
  if (!/[a-z]/.test(s)) return "";
  s = s.replace(/[^a-z]/g, "");
  s = s.replace(/^abd[eou]l/, "abd");
  s = s
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/q/g, "k")
    .replace(/c(?!h)/g, "k");
  // A leading y is a consonant before a vowel (York, Yemen), a vowel otherwise (Ypres is rare; Yzidi → izidi).
  const first = /^(?:[aeiou]|y(?![aeiou]))/.test(s) ? "a" : s[0]!;
  const rest = s.slice(1).replace(/[aeiouy]/g, "");
  return collapseDoubles(first + rest);
}

function collapseDoubles(s: string): string {
  let out = "";
  for (const ch of s) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** Key of a whole name: the keys of its tokens, particles dropped. "Abd al-Karim Qasim" → "abd krm ksm". */
export function nameKey(name: string): string {
  return name
    .split(/[\s\-–‐]+/)
    .map(tokenKey)
    .filter((k) => k.length > 0)
    .join(" ");
}

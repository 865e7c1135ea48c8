const IGNORED = new Set(["the", "of", "al", "ar", "as", "an", "ad", "el", "ash", "at", "az"]);
const GENERIC = new Set([
  "party",
  "army",
  "forces",
  "force",
  "government",
  "movement",
  "militia",
  "guard",
  "committee",
  "front",
  "council",
  "regime",
  "republic",
  "state",
]);

const cache = new Map<string, string[]>();
const CACHE_SIZE = 5000;

/** Words of a name for matching: lower-cased, without accents, apostrophes, hyphens and particles. */
export function nameWords(name: string): string[] {
  let words = cache.get(name);
  if (words) return words;
  if (cache.size >= CACHE_SIZE) cache.clear();
  words = splitName(name);
  cache.set(name, words);
  return words;
}

function splitName(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f'’ʿʾ`]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !IGNORED.has(word));
}

export function nameKey(name: string): string {
  return nameWords(name).join(" ");
}

/** True when every word of `part` is in `whole` and `part` has a word that is not generic ("Communist Party" ⊂ "Iraqi Communist Party"). */
export function namePartOf(part: readonly string[], whole: ReadonlySet<string>): boolean {
  return part.some((word) => !GENERIC.has(word)) && part.every((word) => whole.has(word));
}

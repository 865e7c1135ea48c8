import type { Node } from "./entity-clusters.js";
import { foldToken, NAME_PARTICLES } from "../core/name-key.js";
import { editDistance } from "../core/edit-distance.js";

/**
 * Names with equal keys are spelled alike enough to be one name: the vowels of their last word agree
 * (Saud is not Said, Oman not Amman), places the gazetteer knows lie in one country (Iraq is not Arak,
 * in Iran), and a key of three letters or fewer, which many unrelated words share (Bab / Baba, Sur /
 * Syria), must come from spellings at most one letter apart.
 */
export function sameSpelling(a: Node, b: Node): boolean {
  if (a.vowels !== b.vowels) return false;
  if (a.country !== undefined && b.country !== undefined && a.country !== b.country) return false;
  if (a.keyString.replace(/ /g, "").length > 3) return true;
  return sameShortWord(a.occurrence.name, b.occurrence.name);
}

/** Two words with equal keys of three letters or fewer are one word only when spelled at most one letter apart (Daraa is not Darayya). */
export function sameShortWord(a: string, b: string): boolean {
  const [x, y] = [skeleton(a), skeleton(b)];
  return x === y || (Math.min(x.length, y.length) > 3 && editDistance(x, y) <= 1);
}

/** A spelling of the same word, as far as letters go: one letter apart, two for words of six letters or more. */
export function closeSpelling(a: string, b: string): boolean {
  const [x, y] = [skeleton(a), skeleton(b)];
  return editDistance(x, y) <= (Math.min(x.length, y.length) >= 6 ? 2 : 1);
}

/** Lower case, particles, apostrophes and doubled letters gone, q written k. */
function skeleton(name: string): string {
  return name
    .split(/[\s\-–‐]+/)
    .map(foldToken)
    .filter((w) => w.length > 0 && !NAME_PARTICLES.has(w))
    .join("")
    .replace(/[^a-z0-9]/g, "")
    .replace(/q/g, "k")
    .replace(/(.)\1+/g, "$1");
}

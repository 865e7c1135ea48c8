import { lookupPlace } from "./gazetteer/places.js";
import type { Mention } from "./types.js";

/** How much each extractor is trusted when mentions overlap or disagree on a type. */

const PRIORITY: Readonly<Record<string, number>> = {
  markup: 10,
  infobox: 9,
  "front-matter": 8,
  acronym: 8,
  "title-rank": 7,
  "known-name": 7,
  parenthetical: 7,
  "organization-head": 6,
  "place-head": 6,
  "arabic-name": 6,
  "document-name": 5,
  "given-name": 5,
  gazetteer: 5,
  "group-adjective": 4,
  model: 3,
};

/** Priority of an extractor; for a combined one ("model+gazetteer") the highest of its parts. */
export function priorityOf(extractor: string): number {
  let best = known.get(extractor);
  if (best === undefined) {
    best = 0;
    for (const part of extractor.split("+")) best = Math.max(best, PRIORITY[part] ?? 4);
    known.set(extractor, best);
  }
  return best;
}

const known = new Map<string, number>();

/**
 * Mentions whose type comes from a dictionary without context: a first name or a city. The model,
 * which sees the context, may retype them when it found the same span ("Virginia Beach" is a place,
 * not a woman; "Sari" is a man, not the Iranian city). Countries and regions stay places, and
 * Arabic name forms are surer than the model, which has seen few ("followers of Qasim" reads as a
 * place to it). A given-name match typed place by its head ("Ayn Issa": spring) is no guess either.
 */
export function isContextFree(mention: Mention): boolean {
  if (mention.extractor === "given-name") return mention.type === "person";
  return mention.extractor === "gazetteer" && lookupPlace(mention.name)?.kind === "city";
}

/** A context-free mention the model should look at: a first name, or a city that is small or also a word or name. */
export function isAmbiguous(mention: Mention): boolean {
  if (!isContextFree(mention)) return false;
  const place = mention.extractor === "gazetteer" ? lookupPlace(mention.name) : undefined;
  return !place || place.common || place.personal || place.population < 100_000;
}

/** Tier for the type vote: rule > gazetteer > model. */
export function typeTier(extractor: string): number {
  const parts = extractor.split("+");
  const last = parts[parts.length - 1]!;
  if (last === "model") return 1;
  if (last === "gazetteer") return 2;
  return last === "markup" ? 4 : 3;
}

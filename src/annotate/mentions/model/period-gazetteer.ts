/**
 * The period gazetteer (data/gazetteer/period-names.tsv, built by scripts/build-period-gazetteer.mjs): names of
 * people, parties, ministries and places of the 1950s–60s Middle East, of one or more words, matched in a
 * sentence longest first. The tagger sees a match as a feature, never as an answer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntitySpan, EntityType } from "./tags.js";
import { ENTITY_TYPES } from "./tags.js";

export const PERIOD_GAZETTEER_FILE = "data/gazetteer/period-names.tsv";

/** Names by type, as the model file stores them. */
export type PhraseLists = Partial<Record<EntityType, readonly string[]>>;
/** The gazetteer's names found in a sentence's tokens, none overlapping another. */
export type PhraseMatcher = (tokens: readonly string[]) => EntitySpan[];

/** The names of the table by type (build time: the model file keeps them). */
export function readPeriodGazetteer(root: string): PhraseLists {
  const lists: Record<EntityType, string[]> = { PER: [], ORG: [], LOC: [] };
  for (const line of readFileSync(join(root, PERIOD_GAZETTEER_FILE), "utf8").split("\n")) {
    if (line.startsWith("#") || line.length === 0) continue;
    const [name = "", type = ""] = line.split("\t");
    if ((ENTITY_TYPES as readonly string[]).includes(type)) lists[type as EntityType].push(name);
  }
  return lists;
}

/** The tokens a name may come in: as written, and with its hyphens apart ("al-Bitar", "al - Bitar"). */
function spellings(name: string): string[][] {
  const words = name.toLowerCase().split(/\s+/);
  const apart = words.flatMap((word) => word.split(/(-)/).filter((part) => part.length > 0));
  return apart.length === words.length ? [words] : [words, apart];
}

export function phraseMatcher(lists: PhraseLists): PhraseMatcher {
  const byFirst = new Map<string, { tokens: string[]; type: EntityType }[]>();
  for (const type of ENTITY_TYPES) {
    for (const name of lists[type] ?? []) {
      for (const tokens of spellings(name)) {
        const entries = byFirst.get(tokens[0]!) ?? [];
        entries.push({ tokens, type });
        byFirst.set(tokens[0]!, entries);
      }
    }
  }
  for (const entries of byFirst.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return (tokens) => {
    const lower = tokens.map((token) => token.toLowerCase());
    const found: EntitySpan[] = [];
    for (let i = 0; i < lower.length; i++) {
      const entry = byFirst.get(lower[i]!)?.find((e) => e.tokens.every((word, k) => lower[i + k] === word));
      if (!entry) continue;
      found.push({ startToken: i, endToken: i + entry.tokens.length, type: entry.type });
      i += entry.tokens.length - 1;
    }
    return found;
  };
}

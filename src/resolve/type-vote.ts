import type { EntityType } from "../annotate/mentions/types.js";
import type { NameOccurrence } from "./types.js";

/** Extractors whose type the source itself states (markup, infobox fields): never outvoted. */
const STATED = new Set(["markup", "infobox", "front-matter"]);

/** A name's occurrences may be typed differently by their extractors; `writtenAs` keeps the mention's own type. */
export interface VotedOccurrence extends NameOccurrence {
  writtenAs: EntityType;
}

/**
 * An entity's type is voted over all its mentions: a name typed one way in at least three quarters
 * of its mentions in the corpus takes that type where a guessing extractor typed it otherwise. Names
 * typed two ways by many mentions each stay split (Jordan the country, Jordan the river's namesake).
 */
export function voteTypes(occurrences: readonly NameOccurrence[]): VotedOccurrence[] {
  const tallies = new Map<string, Map<EntityType, number>>();
  for (const o of occurrences) {
    const key = o.name.toLowerCase();
    const tally = tallies.get(key) ?? new Map<EntityType, number>();
    tally.set(o.type, (tally.get(o.type) ?? 0) + o.count);
    tallies.set(key, tally);
  }
  return occurrences.map((o) => {
    const tally = tallies.get(o.name.toLowerCase())!;
    if (tally.size === 1 || o.extractors.some((e) => STATED.has(e))) return { ...o, writtenAs: o.type };
    const total = [...tally.values()].reduce((sum, n) => sum + n, 0);
    const [winner, votes] = [...tally].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const retype = winner !== o.type && votes >= 0.75 * total;
    return { ...o, type: retype ? winner : o.type, writtenAs: o.type };
  });
}

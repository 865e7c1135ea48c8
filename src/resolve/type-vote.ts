import type { EntityType } from "../annotate/mentions/types.js";
import type { NameOccurrence } from "./types.js";

/** Extractors whose type the source itself states (markup, infobox fields): never outvoted. */
const STATED = new Set(["markup", "infobox", "front-matter"]);

/** Extractors that make a person of a name from its form alone (its words, the model's guess), not from its context. */
const BY_FORM = new Set(["model", "arabic-name", "given-name", "document-name", "known-name", "vote"]);

/** A name's occurrences may be typed differently by their extractors; `writtenAs` keeps the mention's own type. */
export interface VotedOccurrence extends NameOccurrence {
  writtenAs: EntityType;
}

/**
 * An entity's type is voted over all its mentions: a name typed one way in at least three quarters
 * of its mentions in the corpus takes that type where a guessing extractor typed it otherwise. Names
 * typed two ways by many mentions each stay split (Jordan the country, Jordan the river's namesake).
 * A name that is a person only by its form wherever it is one ("al-Qaeda", "Jarabulus" read as
 * Arabic names) takes the type its context or the gazetteer gave it elsewhere, unless it ends a
 * longer name that the context makes a person's ("Hussein" of "President Saddam Hussein").
 */
export function voteTypes(occurrences: readonly NameOccurrence[]): VotedOccurrence[] {
  const guessed = personsByForm(occurrences);
  const typed = occurrences.map((o) => {
    const truer = o.type === "person" ? guessed.get(o.name.toLowerCase()) : undefined;
    return votedCopy(o, truer ?? o.type);
  });
  const tallies = new Map<string, Map<EntityType, number>>();
  for (const o of typed) {
    const key = o.name.toLowerCase();
    const tally = tallies.get(key) ?? new Map<EntityType, number>();
    tally.set(o.type, (tally.get(o.type) ?? 0) + o.count);
    tallies.set(key, tally);
  }
  for (const o of typed) {
    const tally = tallies.get(o.name.toLowerCase())!;
    if (tally.size === 1 || o.extractors.some((e) => STATED.has(e))) continue;
    const total = [...tally.values()].reduce((sum, n) => sum + n, 0);
    const [winner, votes] = [...tally].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    if (winner !== o.type && votes >= 0.75 * total) o.type = winner;
  }
  return typed;
}

/**
 * A copy of the occurrence with its voted type, its properties always made in one order: V8 then
 * gives hundreds of thousands of them one shape, where a spread gave each its own.
 */
function votedCopy(o: NameOccurrence, type: EntityType): VotedOccurrence {
  const voted: VotedOccurrence = {
    documentId: o.documentId,
    type,
    name: o.name,
    roles: o.roles,
    count: o.count,
    confidence: o.confidence,
    extractors: o.extractors,
    writtenAs: o.type,
  };
  if (o.aliasOf !== undefined) voted.aliasOf = o.aliasOf;
  if (o.refs !== undefined) voted.refs = o.refs;
  return voted;
}

const winningPart = (extractor: string) => extractor.slice(extractor.lastIndexOf("+") + 1);

/**
 * Names typed person only by their form, with the type a rule gave them elsewhere (a model's other
 * type is no evidence; a gazetteer outvoted by a guess counts as place).
 */
function personsByForm(occurrences: readonly NameOccurrence[]): Map<string, EntityType> {
  const surnames = new Set<string>();
  const stated = new Set<string>();
  const evidence = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType, count: number) => {
    const tally = evidence.get(key) ?? new Map<EntityType, number>();
    tally.set(type, (tally.get(type) ?? 0) + count);
    evidence.set(key, tally);
  };
  for (const o of occurrences) {
    const key = o.name.toLowerCase();
    if (o.type !== "person") {
      const byRule = o.extractors.some((e) => winningPart(e) !== "model");
      if (byRule && (o.type === "organization" || o.type === "place")) vote(key, o.type, o.count);
      continue;
    }
    const words = key.split(/\s+/);
    if (o.roles.length > 0 || o.extractors.some((e) => !BY_FORM.has(winningPart(e)))) {
      stated.add(key);
      if (words.length > 1) surnames.add(words.at(-1)!);
    } else if (o.extractors.some((e) => e.startsWith("gazetteer+"))) vote(key, "place", o.count);
  }
  const out = new Map<string, EntityType>();
  for (const [key, tally] of evidence) {
    if (stated.has(key) || surnames.has(key)) continue;
    out.set(key, [...tally].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]);
  }
  return out;
}

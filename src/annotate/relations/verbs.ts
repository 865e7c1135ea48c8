import { clauseAround, scopeOf } from "../events/extractors/clauses.js";
import { is, wordSet } from "../events/sentence-view.js";
import { ACTORS, endAfter, endBefore, GROUPS, PEOPLE, PLACES, quoteOf, relation } from "./ends.js";
import type { RelationPattern } from "./pattern.js";
import type { RelationMention, RelationType } from "./types.js";

const BY_VERBS: Record<string, RelationType> = {
  led: "led",
  headed: "led",
  chaired: "led",
  commanded: "commanded",
  directed: "directed",
};
const ARREST = wordSet("arrested captured detained seized imprisoned");
const AUXILIARY = wordSet("was were been had has is are be being wa");
const BY_OR_OF = wordSet("by of");
const FIGHT = wordSet("campaign war fought fight fighting struggle offensive crackdown attacks attack clashes clash");
const ALLIANCE = wordSet("alliance allied ally junction cooperation agreement coalition");

function single(found: RelationMention | undefined): RelationMention[] {
  return found ? [found] : [];
}

/** "a council headed by al-Bakr", "the 20th Brigade (at that time commanded by Colonel Arif)". */
export const byAgentPattern: RelationPattern = {
  name: "passive-by",
  anchors: wordSet("by"),
  cues: wordSet(
    "led lead headed head chaired chair commanded command directed direct arrested arrest captured capture detained detain seized seize imprisoned imprison",
  ),
  match(_context, unit, at) {
    const { items } = unit;
    const verb = items[at - 1]?.lower ?? "";
    const type = BY_VERBS[verb];
    const arrest = is(items[at - 1], ARREST);
    if (!type && !arrest) return [];
    const agent = endAfter(items, at, 2, ACTORS);
    const other = endBefore(items, at - 1, arrest ? 2 : 5, arrest ? PEOPLE : GROUPS);
    if (agent === undefined || other === undefined) return [];
    const quote = quoteOf(unit, at);
    if (arrest) return single(relation("arrested", items[agent]!, items[other]!, quote, "arrested-by", 0.75));
    return single(relation(type!, items[agent]!, items[other]!, quote, "passive-by", 0.75));
  },
};

/** "Ali directed Muhammad Habib", "… and led a Workers Committee", "Y arrested X". */
export const activeVerbPattern: RelationPattern = {
  name: "active-verb",
  anchors: new Set([...Object.keys(BY_VERBS), ...ARREST, "leads", "heads", "directs", "commands", "arrests"]),
  cues: wordSet(
    "led lead leads headed head heads chaired chair commanded command commands directed direct directs arrested arrest arrests captured capture detained detain seized seize imprisoned imprison",
  ),
  match(_context, unit, at) {
    const { items } = unit;
    const word = items[at]!.lower.replace(/s$/, "")
      .replace(/^lead$/, "led")
      .replace(/^head$/, "headed");
    const next = items[at + 1]?.lower;
    if (next === "by" || next === "to" || is(items[at - 1], AUXILIARY)) return [];
    const arrest = is(items[at], ARREST);
    const type: RelationType | undefined = arrest ? "arrested" : (BY_VERBS[word] ?? BY_VERBS[`${word}ed`]);
    if (!type) return [];
    const target = endAfter(items, at, 1, type === "directed" ? ACTORS : arrest ? PEOPLE : GROUPS);
    if (target === undefined) return [];
    if (type === "commanded" && items[target + 1]?.lower === "to") return [];
    // "X was a member of Y, and led Z": the subject of the clause, not the nearest name.
    let source = items[at - 1]?.lower === "and" ? undefined : endBefore(items, at, 1, ACTORS);
    if (items[at - 1]?.lower === "and") {
      const clause = clauseAround(items, at, scopeOf(items, at));
      const first = items.slice(clause.start, at).findIndex((item) => item.mention?.type === "person");
      if (first >= 0) source = clause.start + first;
    }
    if (source === undefined) return [];
    return single(relation(type, items[source]!, items[target]!, quoteOf(unit, at), "active-verb", 0.7));
  },
};

/** "al-Sadi was forced into exile in Spain", "… were seized at gunpoint and flown to Madrid". */
export const exilePattern: RelationPattern = {
  name: "exile",
  anchors: wordSet("exile exiled flown deported banished expelled"),
  cues: wordSet("exile exiled flown fly deported deport banished banish expelled expel"),
  match(_context, unit, at) {
    const { items } = unit;
    const preposition = items[at + 1]?.lower;
    if (preposition !== "in" && preposition !== "to" && preposition !== "into") return [];
    const place = endAfter(items, at + 1, 1, PLACES);
    if (place === undefined) return [];
    const clause = clauseAround(items, at, scopeOf(items, at));
    const quote = quoteOf(unit, at);
    const out: RelationMention[] = [];
    for (let i = clause.start; i < at; i++) {
      const item = items[i]!;
      if (item.mention?.type !== "person" || item.depth > 0 || is(items[i - 1], BY_OR_OF)) continue;
      const found = relation("exiled-to", item, items[place]!, quote, "exile", 0.75);
      if (found) out.push(found);
    }
    return out;
  },
};

/** "the Baathists stepped up their campaign against the Communist Party". */
export const againstPattern: RelationPattern = {
  name: "against",
  anchors: wordSet("against"),
  cues: FIGHT,
  match(_context, unit, at) {
    const { items } = unit;
    const cue = [1, 2, 3].map((d) => at - d).find((i) => is(items[i], FIGHT));
    if (cue === undefined) return [];
    const source = endBefore(items, cue, 4, GROUPS);
    const target = endAfter(items, at, 1, GROUPS);
    if (source === undefined || target === undefined) return [];
    return single(relation("fought-against", items[source]!, items[target]!, quoteOf(unit, at), "against", 0.6));
  },
};

/** "the Communist Party, in agreement with Qasim", "X, allied with Y". */
export const alliancePattern: RelationPattern = {
  name: "alliance",
  anchors: wordSet("with"),
  cues: ALLIANCE,
  match(_context, unit, at) {
    const { items } = unit;
    if (!is(items[at - 1], ALLIANCE)) return [];
    const source = endBefore(items, at - 1, 3, ACTORS);
    const target = endAfter(items, at, 1, ACTORS);
    if (source === undefined || target === undefined) return [];
    return single(relation("allied-with", items[source]!, items[target]!, quoteOf(unit, at), "alliance", 0.55));
  },
};

/**
 * Typed relations between actors, each with the sentence (or infobox line) that states it: from an
 * infobox (commanders commanded their side, sides fought each other, "Leader of X" led X) and from
 * word patterns in the text (titles, "led by", "directed", "captured by", "exile in", "deputy", "brother").
 */
import { createContext, type EventContext, type EventInput, type Unit } from "../events/context.js";
import { spansWithin } from "../events/spans.js";
import { infoboxRelations } from "./infobox.js";
import type { RelationPattern } from "./pattern.js";
import { affiliations, deputyPattern, siblingPattern, titlePattern } from "./titles.js";
import type { RelationMention } from "./types.js";
import { activeVerbPattern, againstPattern, alliancePattern, byAgentPattern, exilePattern } from "./verbs.js";
import { quoteOf } from "./ends.js";

export type * from "./types.js";

export const PATTERNS: readonly RelationPattern[] = [
  titlePattern,
  deputyPattern,
  siblingPattern,
  byAgentPattern,
  activeVerbPattern,
  exilePattern,
  againstPattern,
  alliancePattern,
];

const BY_ANCHOR = new Map<string, RelationPattern[]>();
for (const pattern of PATTERNS) {
  for (const anchor of pattern.anchors) BY_ANCHOR.set(anchor, [...(BY_ANCHOR.get(anchor) ?? []), pattern]);
}

function key(relation: RelationMention): string {
  return `${relation.type}|${relation.source.start}|${relation.target.start}|${relation.quote.start}`;
}

const CUES = new Set(PATTERNS.flatMap((pattern) => [...(pattern.cues ?? pattern.anchors)]));

function holdsGroup(context: EventContext, unit: Unit): boolean {
  return spansWithin(context.mentions, unit.start, unit.end).some((mention) => mention.type === "group");
}

export function extractRelations(input: EventInput): RelationMention[] {
  const context = createContext(input);
  const found = infoboxRelations(context);
  for (const unit of context.units) {
    if (unit.mentionsAny(CUES)) {
      unit.items.forEach((item, at) => {
        if (item.mention || item.date) return;
        for (const pattern of BY_ANCHOR.get(item.lower) ?? []) found.push(...pattern.match(context, unit, at));
      });
    }
    if (!context.caseless && holdsGroup(context, unit)) found.push(...affiliations(unit, (at) => quoteOf(unit, at)));
  }
  const seen = new Set<string>();
  return found.filter((relation) => !seen.has(key(relation)) && seen.add(key(relation)));
}

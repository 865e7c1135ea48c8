import type { Span } from "../../core/document.js";
import type { EntityType } from "../mentions/types.js";
import type { Unit } from "../events/context.js";
import { RUN_ON } from "../events/extractors/clauses.js";
import type { Item } from "../events/sentence-view.js";
import type { RelationEnd, RelationMention, RelationType } from "./types.js";

const SOFT = new Set([",", "(", ")", "'", '"', "“", "”", "‘", "’"]);
const HARD = new Set([";", ".", ":", "!", "?"]);

export type EndTypes = ReadonlySet<EntityType>;
export const PEOPLE: EndTypes = new Set(["person"]);
export const GROUPS: EndTypes = new Set(["organization"]);
export const ACTORS: EndTypes = new Set(["person", "organization"]);
export const PLACES: EndTypes = new Set(["place"]);

export function entityType(item: Item): EntityType | undefined {
  const type = item.mention?.type;
  if (type === "group") return "organization";
  return type === "person" || type === "organization" || type === "place" ? type : undefined;
}

function accepts(item: Item | undefined, types: EndTypes): boolean {
  const type = item && entityType(item);
  return type !== undefined && types.has(type);
}

/** The nearest mention of one of `types` before item `from`, at most `words` words away, within the clause. */
export function endBefore(items: readonly Item[], from: number, words: number, types: EndTypes): number | undefined {
  let count = 0;
  for (let i = from - 1; i >= 0; i--) {
    const item = items[i]!;
    if (accepts(item, types)) return i;
    if (HARD.has(item.lower)) return undefined;
    if (!SOFT.has(item.lower) && ++count > words) return undefined;
  }
  return undefined;
}

/** The nearest mention of one of `types` after item `from`, at most `words` words away, within the clause. */
export function endAfter(items: readonly Item[], from: number, words: number, types: EndTypes): number | undefined {
  let count = 0;
  for (let i = from + 1; i < items.length; i++) {
    const item = items[i]!;
    if (accepts(item, types)) return i;
    if (HARD.has(item.lower)) return undefined;
    if (!SOFT.has(item.lower) && ++count > words) return undefined;
  }
  return undefined;
}

export function endOf(item: Item): RelationEnd {
  return { start: item.start, end: item.end, name: item.mention!.name, type: entityType(item)! };
}

/** The sentence, or a window around the words in a run-on token dump. */
export function quoteOf(unit: Unit, at: number): Span {
  if (unit.items.length <= RUN_ON) return { start: unit.start, end: unit.end };
  const from = unit.items[Math.max(0, at - 12)]!;
  const to = unit.items[Math.min(unit.items.length - 1, at + 12)]!;
  return { start: from.start, end: to.end };
}

export function relation(
  type: RelationType,
  source: Item,
  target: Item,
  quote: Span,
  extractor: string,
  confidence: number,
): RelationMention | undefined {
  if (source.mention?.name === target.mention?.name) return undefined;
  return { type, source: endOf(source), target: endOf(target), quote, extractor, confidence };
}

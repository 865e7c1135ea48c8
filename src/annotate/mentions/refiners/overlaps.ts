/**
 * Overlap resolution. Names (person, organization, place, group) and numbers (date, quantity) are
 * resolved apart, so "7,000 Iraqi communists" keeps both the quantity and the group. Within a
 * layer the more trusted extractor wins; a longer mention replaces the shorter ones it contains
 * unless they are much more trusted ("Ar-Rashid army camp" replaces "Ar-Rashid", a model span
 * never replaces a title-rank one). Markup nested in markup is kept whole.
 */
import { priorityOf } from "../priority.js";
import type { Mention, MentionRefiner } from "../types.js";

/** How far below a contained mention's priority a containing one may be and still replace it. */
const SWALLOW_GAP = 3;

const overlap = (a: Mention, b: Mention): boolean => a.start < b.end && b.start < a.end;
const contains = (outer: Mention, inner: Mention): boolean =>
  outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
const isMarkup = (mention: Mention): boolean => mention.extractor.split("+").includes("markup");

function layerOf(mention: Mention): number {
  return mention.type === "date" ? 1 : mention.type === "quantity" ? 2 : 0;
}

/** Accepted mentions sorted by start, with the longest span seen, to find overlaps by binary search. */
class Accepted {
  readonly items: Mention[] = [];
  private longest = 0;

  overlapping(span: Mention): Mention[] {
    const items = this.items;
    let low = 0;
    let high = items.length;
    const from = span.start - this.longest;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (items[middle]!.start < from) low = middle + 1;
      else high = middle;
    }
    const out: Mention[] = [];
    for (let i = low; i < items.length && items[i]!.start < span.end; i++) {
      if (overlap(items[i]!, span)) out.push(items[i]!);
    }
    return out;
  }

  add(mention: Mention): void {
    const items = this.items;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (items[middle]!.start <= mention.start) low = middle + 1;
      else high = middle;
    }
    items.splice(low, 0, mention);
    this.longest = Math.max(this.longest, mention.end - mention.start);
  }

  remove(mention: Mention): void {
    this.items.splice(this.items.indexOf(mention), 1);
  }
}

export function resolveOverlaps(mentions: readonly Mention[]): Mention[] {
  const sorted = mentions
    .map((mention) => ({ mention, priority: priorityOf(mention.extractor) }))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        b.mention.end - b.mention.start - (a.mention.end - a.mention.start) ||
        b.mention.confidence - a.mention.confidence ||
        a.mention.start - b.mention.start,
    );
  const layers = [new Accepted(), new Accepted(), new Accepted()];
  for (const { mention: candidate, priority } of sorted) {
    const layer = layerOf(candidate);
    const conflicts = layers[layer]!.overlapping(candidate);
    if (layer === 2) conflicts.push(...layers[1]!.overlapping(candidate));
    if (conflicts.length === 0) {
      layers[layer]!.add(candidate);
      continue;
    }
    if (isMarkup(candidate) && conflicts.every((other) => isMarkup(other))) {
      const nested = conflicts.every((other) => contains(other, candidate) || contains(candidate, other));
      if (nested) layers[layer]!.add(candidate);
      continue;
    }
    // A model span with a lower-case word inside ("Jordan the Party") replaces nothing.
    if (candidate.extractor === "model" && /\s\p{Ll}/u.test(candidate.text)) continue;
    const swallows = conflicts.every(
      (other) =>
        layerOf(other) === layer &&
        contains(candidate, other) &&
        !isMarkup(other) &&
        priority >= priorityOf(other.extractor) - SWALLOW_GAP,
    );
    if (!swallows) continue;
    for (const other of conflicts) layers[layer]!.remove(other);
    layers[layer]!.add(candidate);
  }
  return layers.flatMap((layer) => layer.items).sort((a, b) => a.start - b.start || b.end - a.end);
}

export const overlapsRefiner: MentionRefiner = {
  name: "overlaps",
  refine: (_context, mentions) => resolveOverlaps(mentions),
};

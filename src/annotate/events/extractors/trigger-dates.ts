import type { EventContext, Unit } from "../context.js";
import { eventDateOf, type SpannedDate } from "../event-dates.js";
import { is, wordSet, type Item } from "../sentence-view.js";
import { RUN_ON, scopeOf } from "./clauses.js";
import type { Hit } from "./triggers.js";

export interface TriggerDate {
  date: SpannedDate;
  /** The date item in the sentence, when the date is stated there. */
  item?: Item;
}

const BOUND = wordSet("until till to through");
/** Openers that carry on the time of the sentence before ("The next day" itself is resolved by the date extractor). */
const CONTINUATION =
  /^\s*(?:then\b|(?:the )?(?:next|following|same) (?:day|morning|afternoon|evening|night)|that (?:day|morning|afternoon|evening|night)|later that|shortly (?:after|afterwards)|soon after|(?:minutes|hours) later|by (?:the )?(?:morning|afternoon|evening|nightfall|noon)|a few (?:minutes|hours)|meanwhile|at the same time|within (?:minutes|hours)|[^.]{0,40}?\b\d{1,2}:\d{2}\b)/i;

function usable(items: readonly Item[], hit: Hit, at: number): boolean {
  const item = items[at]!;
  if (item.depth > 0 && items[hit.index]!.depth === 0) return false;
  if (is(items[at - 1], BOUND)) return false;
  if (item.date?.extractor !== "named-event") return true;
  const conflict = hit.kind === "conflict" || hit.kind === "overthrow";
  return conflict && at > hit.index && at - hit.index <= 12;
}

/** In a run-on token dump a date stands before its event ("july 3 1963 revolt wa staged"), or right after it. */
const RUN_ON_AFTER = 4;

function nearestDate(items: readonly Item[], hit: Hit): number | undefined {
  const scope = scopeOf(items, hit.index);
  const runOn = items.length > RUN_ON;
  let best: number | undefined;
  for (let at = scope.start; at < scope.end; at++) {
    if (!items[at]!.date || !usable(items, hit, at)) continue;
    if (runOn && at - hit.index > RUN_ON_AFTER && items[at]!.date!.extractor !== "named-event") continue;
    if (best === undefined || Math.abs(at - hit.index) < Math.abs(best - hit.index)) best = at;
  }
  return best;
}

/** The last day-precise date stated (not in an aside) earlier in the paragraph. */
function dateBefore(context: EventContext, unit: Unit): TriggerDate | undefined {
  for (let u = unit.index - 1; u >= 0; u--) {
    const previous = context.units[u]!;
    if (previous.paragraph.index !== unit.paragraph.index) return undefined;
    for (let at = previous.items.length - 1; at >= 0; at--) {
      const date = previous.items[at]!.date;
      if (!date || previous.items[at]!.depth > 0) continue;
      return date.precision === "day" || date.precision === "range" ? { date: eventDateOf(date) } : undefined;
    }
  }
  return undefined;
}

const OWN_DATE_BEFORE = wordSet("of on");

/**
 * The date a time reference to an event states as the event's own: "last Monday's coup", "after the coup of
 * July 14"; the other dates of its sentence ("In October, three months after the coup") are not the event's.
 */
function ownDate(items: readonly Item[], hit: Hit): TriggerDate | undefined {
  const at = hit.possessiveDate
    ? hit.first - 2
    : [hit.index + 2, hit.index + 3].find((i) => items[i]?.date && is(items[i - 1], OWN_DATE_BEFORE));
  const item = at === undefined ? undefined : items[at];
  return item?.date ? { date: eventDateOf(item.date), item } : undefined;
}

/**
 * The date of each trigger: the nearest date stated in its sentence (its window in a run-on sentence) —
 * for "the revolution" only a date no other trigger is nearer to — else, when the sentence opens as a
 * continuation ("Then", "A few minutes before 11:00"), the last day-precise date before it in the
 * paragraph; else none. A time reference to an event ("after the coup") has only the date it states itself.
 */
export function triggerDates(context: EventContext, unit: Unit, hits: readonly Hit[]): (TriggerDate | undefined)[] {
  const { items } = unit;
  const nearest = hits.map((hit) => nearestDate(items, hit));
  const ownerOf = (at: number): Hit | undefined => {
    let owner: Hit | undefined;
    hits.forEach((hit, h) => {
      if (nearest[h] === undefined) return;
      if (!owner || Math.abs(at - hit.index) < Math.abs(at - owner.index)) owner = hit;
    });
    return owner;
  };
  const continued = CONTINUATION.test(context.text.slice(unit.start, Math.min(unit.end, unit.start + 60)));
  return hits.map((hit, h) => {
    if (hit.reference || hit.possessiveDate) return ownDate(items, hit);
    const at = nearest[h];
    if (at !== undefined && (!hit.anaphoric || ownerOf(at) === hit)) {
      return { date: eventDateOf(items[at]!.date!), item: items[at]! };
    }
    return continued && !hit.anaphoric ? dateBefore(context, unit) : undefined;
  });
}

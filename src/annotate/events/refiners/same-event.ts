import type { EventContext } from "../context.js";
import type { Draft, EventRefiner } from "../draft.js";
import { datesOverlap, isPrecise } from "../event-dates.js";
import { CONFLICT_TYPES } from "../event-names.js";
import { nameKey } from "../names.js";
import { mergeDuplicates } from "./merge.js";
import { RUN_ON } from "../extractors/clauses.js";

const labelKeys = new WeakMap<Draft, string>();

function labelKey(draft: Draft): string {
  let key = labelKeys.get(draft);
  if (key === undefined) labelKeys.set(draft, (key = nameKey(draft.event.label)));
  return key;
}

/** Told in one sentence (a run-on token dump is not one sentence). */
function shareUnit(context: EventContext, a: Draft, b: Draft): boolean {
  for (const unit of b.units) {
    if (a.units.has(unit) && (context.units[unit]?.tokenCount ?? 0) <= RUN_ON) return true;
  }
  return false;
}

function shareParticipant(a: Draft, b: Draft): boolean {
  const names = new Set(a.event.participants.map((p) => nameKey(p.name)));
  return b.event.participants.some((p) => names.has(nameKey(p.name)));
}

/**
 * Two accounts in one document of one event: the same name; or conflict types of one family whose dates
 * overlap and that are the same type, both dated to the day, or told in one sentence; or any other type
 * on the same date sharing an actor, a place or a sentence.
 */
export function sameEvent(context: EventContext, a: Draft, b: Draft): boolean {
  const x = a.event;
  const y = b.event;
  if (x.date && y.date && !datesOverlap(x.date, y.date)) return false;
  if ((x.named || y.named) && labelKey(a) === labelKey(b)) return true;
  if (!x.date || !y.date) return false;
  if (CONFLICT_TYPES.has(x.type) && CONFLICT_TYPES.has(y.type)) {
    return x.type === y.type || (isPrecise(x.date) && isPrecise(y.date)) || shareUnit(context, a, b);
  }
  if (x.type !== y.type || x.date.value !== y.date.value) return false;
  const samePlace = x.place !== undefined && nameKey(x.place.name) === nameKey(y.place?.name ?? "");
  return samePlace || shareParticipant(a, b) || shareUnit(context, a, b);
}

export const sameEventRefiner: EventRefiner = {
  name: "same-event",
  refine(context: EventContext, drafts: Draft[]) {
    return mergeDuplicates(context, drafts, (other, draft) => sameEvent(context, other, draft));
  },
};

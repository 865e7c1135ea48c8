import type { EventContext } from "../context.js";
import type { Draft, EventRefiner } from "../draft.js";
import { nameKey } from "../names.js";
import type { EventParticipant } from "../types.js";
import { mergeDuplicates } from "./merge.js";

/** How far apart, in sentences, two accounts of one undated event may be told. */
const NEARBY = 12;

function related(a: Draft, b: Draft): boolean {
  if (a.event.type !== b.event.type || a.event.named || b.event.named) return false;
  if (Math.abs(a.unit - b.unit) > NEARBY) return false;
  const placeA = a.event.place && nameKey(a.event.place.name);
  const placeB = b.event.place && nameKey(b.event.place.name);
  if (placeA && placeB) return placeA === placeB;
  if (placeA || placeB) return false;
  const key = (p: EventParticipant): string => `${p.role}:${nameKey(p.name)}`;
  const people = new Set(a.event.participants.filter((p) => p.type === "person").map(key));
  return b.event.participants.some((p) => p.type === "person" && people.has(key(p)));
}

/**
 * An undated account of something told again nearby, at the same place or with the same person in the
 * same role ("forced into exile in Spain" … "remained in exile"), is that event.
 */
export const undatedDuplicatesRefiner: EventRefiner = {
  name: "undated-duplicates",
  refine(context: EventContext, drafts: Draft[]) {
    return mergeDuplicates(
      context,
      drafts,
      (other, draft) => (!draft.event.date || !other.event.date) && related(other, draft),
    );
  },
};

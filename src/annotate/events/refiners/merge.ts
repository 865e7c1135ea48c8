import type { EventContext } from "../context.js";
import type { Draft } from "../draft.js";
import { refinedDate } from "../event-dates.js";
import { nameKey, namePartOf, nameWords } from "../names.js";
import type { EventParticipant } from "../types.js";
import { sideOf } from "../sides.js";

/** The same actor named again, perhaps shorter: "Habib" for "Muhammad Habib". */
function sameActor(known: EventParticipant, other: EventParticipant): boolean {
  if (nameKey(known.name) === nameKey(other.name)) return true;
  return (
    known.type === "person" &&
    other.type === "person" &&
    namePartOf(nameWords(other.name), new Set(nameWords(known.name)))
  );
}

function rank(draft: Draft): number {
  if (draft.main) return 3;
  if (draft.event.named) return 2;
  return draft.event.date ? 1 : 0;
}

/** True when `a` should carry the merged account: the document's own event, then a named one, then a dated one. */
export function stronger(a: Draft, b: Draft): boolean {
  return rank(a) > rank(b);
}

export interface MergeOptions {
  /** Take the other account's participants and fields (false for a bare reference: "after the coup"). */
  content: boolean;
}

/** Adds `other`'s account to `target`: its finer date, missing place, new participants and every field value. */
export function mergeInto(context: EventContext, target: Draft, other: Draft, options: MergeOptions): void {
  const event = target.event;
  const incoming = other.event;
  const fixedDate = target.main && event.extractor !== "lead";
  if (!event.date && incoming.date) event.date = incoming.date;
  else if (event.date && incoming.date && !fixedDate) event.date = refinedDate(event.date, incoming.date);
  for (const unit of other.units) target.units.add(unit);
  if (other.unit >= 0 && (target.unit < 0 || other.unit < target.unit) && !target.main) target.unit = other.unit;
  target.event.confidence = Math.max(event.confidence, incoming.confidence);
  if (!options.content) return;
  if (!event.place && incoming.place) event.place = incoming.place;
  for (const participant of incoming.participants) {
    if (event.participants.some((known) => sameActor(known, participant))) continue;
    const side = target.main && participant.side === undefined ? sideOf(context.sides, participant.name) : undefined;
    event.participants.push(side === undefined ? participant : { ...participant, side });
  }
  for (const [key, values] of Object.entries(incoming.fields)) {
    // An infobox files casualties not assigned to a side under casualties3.
    const field = key === "casualties" && event.extractor === "infobox" ? "casualties3" : key;
    (event.fields[field] ??= []).push(...values);
  }
}

/**
 * Merges each draft into the first kept draft `same` pairs it with; the stronger of the two stays
 * (its values first), the other's values join it.
 */
export function mergeDuplicates(
  context: EventContext,
  drafts: readonly Draft[],
  same: (kept: Draft, draft: Draft) => boolean,
): Draft[] {
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const at = kept.findIndex((other) => same(other, draft));
    if (at < 0) {
      kept.push(draft);
      continue;
    }
    const other = kept[at]!;
    if (stronger(draft, other)) {
      mergeInto(context, draft, other, { content: true });
      kept[at] = draft;
    } else mergeInto(context, other, draft, { content: true });
  }
  return kept;
}

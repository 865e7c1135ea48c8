import type { EventContext } from "../context.js";
import type { Draft, EventRefiner } from "../draft.js";
import { CONFLICT_TYPES } from "../event-names.js";
import { ACTION_KINDS } from "../lexicon.js";
import { mergeInto } from "./merge.js";

/** The latest account before `draft` of the same type, by the sentences it was told in. */
function antecedent(kept: readonly Draft[], draft: Draft): Draft | undefined {
  let best: Draft | undefined;
  let bestUnit = -1;
  for (const other of kept) {
    if (other.event.type !== draft.event.type) continue;
    const before = Math.max(-1, ...[...other.units].filter((unit) => unit < draft.unit));
    if (before < 0 && !other.main) continue;
    if (!best || before > bestUnit) [best, bestUnit] = [other, before];
  }
  return best;
}

/** Told right after a sentence of the document's event, in the same paragraph ("…, took control over the camp"). */
function continues(context: EventContext, main: Draft, draft: Draft): boolean {
  const previous = context.units[draft.unit - 1];
  return (
    ACTION_KINDS.has(draft.kind as never) &&
    main.units.has(draft.unit - 1) &&
    previous?.paragraph.index === draft.paragraph
  );
}

/** The only named coup, revolt or revolution of a document without an event of its own: what its undated overthrows tell. */
function soleNamedConflict(drafts: readonly Draft[]): Draft | undefined {
  const named = drafts.filter((draft) => draft.event.named && CONFLICT_TYPES.has(draft.event.type));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Undated accounts join the event they belong to: "the revolt" its antecedent (the document's event
 * first), an undated coup in a document about a coup that coup (or, in a document about no event, an
 * undated overthrow the one revolution it names), and an action told right after a sentence about the
 * document's event that event. An anaphor with nothing to refer to in the document stays, marked `refersBack`,
 * for the corpus stage to attach (drop-empty removes it when it tells nothing).
 */
export const attachRefiner: EventRefiner = {
  name: "attach",
  refine(context: EventContext, drafts: Draft[]) {
    const main = drafts.find((draft) => draft.main);
    const sole = main ? undefined : soleNamedConflict(drafts);
    const kept: Draft[] = [];
    for (const draft of drafts) {
      if (draft.main || draft.event.named || draft.event.date) {
        kept.push(draft);
        continue;
      }
      if (draft.anaphoric) {
        const target = main?.event.type === draft.event.type ? main : antecedent(kept, draft);
        if (target) mergeInto(context, target, draft, { content: !draft.reference });
        else kept.push(draft);
        continue;
      }
      const sameKind = main && main.event.type === draft.event.type && CONFLICT_TYPES.has(draft.event.type);
      if (main && (sameKind || continues(context, main, draft))) {
        mergeInto(context, main, draft, { content: true });
        continue;
      }
      if (sole && CONFLICT_TYPES.has(draft.event.type)) {
        mergeInto(context, sole, draft, { content: true });
        continue;
      }
      kept.push(draft);
    }
    return kept;
  },
};

import type { EventRefiner } from "../draft.js";

/** An unnamed account with no date, no actor and no place tells nothing a reader could place. */
export const dropEmptyRefiner: EventRefiner = {
  name: "drop-empty",
  refine(_context, drafts) {
    return drafts.filter(({ event }) => event.named || event.date || event.participants.length > 0 || event.place);
  },
};

/**
 * Events in a document: one per infobox block, the event its front matter or opening sentence names,
 * events named in the text ("the 14 July Revolution") and events told by trigger words ("overthrew",
 * "were seized … and flown to Madrid") with who did what to whom, where and when. Accounts of one
 * event within the document are merged, each field value keeping its own quote.
 */
import { EXTRACTORS, REFINERS } from "./configuration.js";
import { createContext, type EventInput } from "./context.js";
import type { Draft } from "./draft.js";
import type { EventMention } from "./types.js";

export type { EventInput } from "./context.js";
export type * from "./types.js";

function inDocumentOrder(a: Draft, b: Draft): number {
  return Number(b.main) - Number(a.main) || a.event.trigger.start - b.event.trigger.start;
}

export function extractEvents(input: EventInput): EventMention[] {
  const context = createContext(input);
  let drafts = EXTRACTORS.flatMap((extractor) => extractor.extract(context)).sort(inDocumentOrder);
  for (const refiner of REFINERS) drafts = refiner.refine(context, drafts);
  return drafts.map((draft) => draft.event).sort((a, b) => a.quote.start - b.quote.start);
}

import type { EventExtractor, EventRefiner } from "./draft.js";
import { documentEventExtractor } from "./extractors/document-event.js";
import { infoboxExtractor } from "./extractors/infobox.js";
import { namedEventExtractor } from "./extractors/named-events.js";
import { triggerExtractor } from "./extractors/trigger-events.js";
import { attachRefiner } from "./refiners/attach.js";
import { dropEmptyRefiner } from "./refiners/drop-empty.js";
import { sameEventRefiner } from "./refiners/same-event.js";
import { undatedDuplicatesRefiner } from "./refiners/undated-duplicates.js";

/**
 * As in chrono's configuration: every extractor runs on the document and tags what it finds; the
 * accounts are put in document order (the document's own event first), then each refiner runs in turn.
 */
export const EXTRACTORS: readonly EventExtractor[] = [
  infoboxExtractor,
  documentEventExtractor,
  namedEventExtractor,
  triggerExtractor,
];

export const REFINERS: readonly EventRefiner[] = [
  sameEventRefiner,
  attachRefiner,
  undatedDuplicatesRefiner,
  dropEmptyRefiner,
];

import type { SourceDocument, Span } from "../../core/document.js";
import type { DateMention } from "../dates/index.js";
import type { Mention } from "../mentions/types.js";
import { isCaseless } from "../../segment/casing.js";
import type { SegmentedParagraph } from "../../segment/index.js";
import { sideTable, type SideTable } from "./sides.js";
import { byStart } from "./spans.js";
import { unitsOf, type Unit } from "./units.js";

export type { Unit } from "./units.js";

export interface EventInput {
  document: SourceDocument;
  paragraphs: readonly SegmentedParagraph[];
  mentions: readonly Mention[];
  dates: readonly DateMention[];
}

export interface EventContext {
  document: SourceDocument;
  text: string;
  units: Unit[];
  /** Person, organization, place and group mentions, by start. */
  mentions: Mention[];
  dates: DateMention[];
  /** A lower-cased token dump: capitalization and punctuation tell nothing. */
  caseless: boolean;
  sides: SideTable;
  /** The text the given paragraphs cover: a long document arrives in several batches. */
  covered: Span;
  /** True when the paragraphs start at the top of the document (front matter and lead are read once). */
  opensDocument: boolean;
}

const ACTOR_TYPES = new Set(["person", "organization", "place", "group"]);

/** Events and relations are extracted from the same input one after the other: the context is built once. */
const built = new WeakMap<
  EventInput,
  { context: EventContext; mentions: unknown; dates: unknown; paragraphs: unknown }
>();

export function createContext(input: EventInput): EventContext {
  const cached = built.get(input);
  if (
    cached &&
    cached.mentions === input.mentions &&
    cached.dates === input.dates &&
    cached.paragraphs === input.paragraphs
  ) {
    return cached.context;
  }
  const context = newContext(input);
  built.set(input, { context, mentions: input.mentions, dates: input.dates, paragraphs: input.paragraphs });
  return context;
}

function newContext(input: EventInput): EventContext {
  const { document } = input;
  const mentions = input.mentions.filter((m) => ACTOR_TYPES.has(m.type)).sort(byStart);
  const dates = [...input.dates].sort(byStart);
  const first = input.paragraphs[0];
  const last = input.paragraphs[input.paragraphs.length - 1];
  return {
    document,
    text: document.text,
    units: unitsOf(document, input.paragraphs, mentions, dates),
    mentions,
    dates,
    caseless: isCaseless(document.text),
    sides: sideTable(document, mentions),
    covered: { start: first?.start ?? 0, end: last?.end ?? 0 },
    opensDocument: first !== undefined && document.text.slice(0, first.start).trim() === "",
  };
}

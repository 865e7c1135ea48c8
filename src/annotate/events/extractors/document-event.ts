import type { Span } from "../../../core/document.js";
import { extractDates } from "../../dates/index.js";
import type { EventContext } from "../context.js";
import { draftOf, type Draft, type EventExtractor } from "../draft.js";
import { eventDateOf, isoEventDate, spanningDate, type SpannedDate } from "../event-dates.js";
import { capitalize, EVENT_NOUN, eventTypeOfName, titleCase } from "../event-names.js";
import type { EventMention } from "../types.js";

/** The opening sentence of an article about an event: "The X revolt was …", "x revolt refers to …". */
const LEAD = new RegExp(
  String.raw`^\s*(?:the\s+)?((?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:${EVENT_NOUN}))\s+(?:was|is|wa|refers?|(?:also\s+)?known|took\s+place|began)\b`,
  "iu",
);
const EVENT_TITLE = new RegExp(String.raw`(?:\b(?:${EVENT_NOUN})|^(?:battle|siege|war|massacre) of\b.*)$`, "iu");

function leadSpan(context: EventContext): Span {
  const first = context.units[0];
  return first ? { start: first.start, end: Math.min(first.end, first.start + 400) } : { start: 0, end: 0 };
}

function documentEvent(
  context: EventContext,
  label: string,
  extractor: string,
  date: SpannedDate | undefined,
  span: Span,
  place?: string,
): Draft {
  const quote = leadSpan(context);
  const event: EventMention = {
    type: eventTypeOfName(label),
    label,
    trigger: { ...span, text: context.text.slice(span.start, span.end) || label },
    quote,
    ...(date ? { date } : {}),
    ...(place ? { place: { name: place, span: quote } } : {}),
    participants: [],
    fields: {},
    named: true,
    extractor,
    confidence: 0.85,
  };
  const draft = draftOf(event, "named", context.units[0]?.index ?? -1, 0);
  draft.main = true;
  return draft;
}

/** Where a name first appears near the top of the text, else the opening sentence. */
function spanOf(context: EventContext, name: string): Span {
  const at = context.text.slice(0, 3000).indexOf(name);
  return at >= 0 ? { start: at, end: at + name.length } : leadSpan(context);
}

function fromFrontMatter(context: EventContext): Draft | undefined {
  const { subject, date, place } = context.document.metadata;
  if (!subject) return undefined;
  const span = spanOf(context, subject);
  const quote = leadSpan(context);
  const dated = date !== undefined ? isoEventDate(date, quote) : undefined;
  const named = eventTypeOfName(subject) !== "other";
  const fromName =
    !dated && named ? spanningDate(extractDates(subject).filter((d) => d.precision !== "decade")) : undefined;
  const when = dated ?? (fromName ? { ...fromName, span: quote } : undefined);
  if (date === undefined && !named) return undefined;
  return documentEvent(context, subject, "front-matter", when, span, place);
}

function fromTitleOrLead(context: EventContext): Draft | undefined {
  const { title, path } = context.document;
  const isFileName = path.includes(title) || /^[\w-]+_[0-9a-f]{8,}$/.test(title);
  if (!isFileName && EVENT_TITLE.test(title)) {
    const date = spanningDate(extractDates(title));
    const span = spanOf(context, title);
    return documentEvent(context, title, "title", date ? { ...date, span } : undefined, span);
  }
  const first = context.units[0];
  if (!first) return undefined;
  const match = LEAD.exec(context.text.slice(first.start, Math.min(first.end, first.start + 300)));
  if (!match) return undefined;
  const name = match[1]!;
  const start = first.start + match.index + match[0].indexOf(name);
  const date = first.items.slice(0, 30).find((item) => item.date && item.date.extractor !== "named-event")?.date;
  const label = context.caseless ? titleCase(name) : capitalize(name);
  return documentEvent(context, label, "lead", date ? eventDateOf(date) : undefined, {
    start,
    end: start + name.length,
  });
}

/**
 * The event a document is about, when nothing better (an infobox) says so: its front matter (subject,
 * date, place), an event-like title, or an opening sentence of the form "The X revolt was …".
 */
export const documentEventExtractor: EventExtractor = {
  name: "front-matter",
  extract(context) {
    if (!context.opensDocument || context.document.infobox.length > 0) return [];
    const draft =
      fromFrontMatter(context) ?? (context.document.metadata.subject ? undefined : fromTitleOrLead(context));
    return draft ? [draft] : [];
  },
};

import type { Span } from "../../../core/document.js";
import type { EventContext, Unit } from "../context.js";
import { draftOf, type Draft, type EventExtractor } from "../draft.js";
import { eventDateOf } from "../event-dates.js";
import { EVENT_NOUN, eventTypeOfName, titleCase } from "../event-names.js";
import type { DateMention } from "../../dates/index.js";
import { overlaps, spansWithin } from "../spans.js";
import { RUN_ON } from "./clauses.js";

/** The event nouns, each also with a capital first letter. */
const NOUN_ANY_CASE = EVENT_NOUN.replace(
  /(^|\|)([a-z])/g,
  (_, bar: string, c: string) => `${bar}[${c}${c.toUpperCase()}]`,
);
const CAP_WORD = String.raw`(?:(?:al|ar|as|an|ad|el|ash|az)-)?\p{Lu}[\p{L}'’]*(?:[-–]\p{L}[\p{L}'’]*)*`;
/** "World War II", "Gulf War I". */
const NUMERAL = /^\s+(?:I{1,3}|IV|V)\b/;
/** An event noun, then the capitalized words before it: "Ar-Rashid revolt", "Hama massacre", "Iraqi Revolution". */
const NOUN = new RegExp(String.raw`(?<![\p{L}'’-])(?:${NOUN_ANY_CASE})(?![\p{L}])`, "gu");
const NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}'’-])((?:${CAP_WORD}\s+){0,3}${CAP_WORD})\s+$`, "u");
/** "the Iraqi Revolution of " before a date; never a word cut out of another ("anti-British coup attempt of "). */
const NOUN_OF = new RegExp(
  String.raw`(?<![\p{L}'’-])((?:\p{Lu}[\p{L}'’-]*\s+){0,3}(?:${NOUN_ANY_CASE}))\s+of\s+$`,
  "u",
);
/** " Iraqi coup d'état" after a date. */
const AFTER_DATE = new RegExp(String.raw`^((?:\s+\p{Lu}[\p{L}'’-]*){0,2})\s+(${NOUN_ANY_CASE})(?![\p{L}])`, "u");
const LEADING_WORDS =
  /^(?:(?:The|A|An|This|That|These|After|Before|During|In|On|His|Her|Their|Its|By|Following|Since|When|While|Although|As|At|From|To|With|Within|Without|Only|All|Both|Two|Three|Of|And|Or|But|Under|Against|Until|For|Whilst)\s+)+/;
const ADJECTIVE = /(?:i|ian|ists?|ese|ish|an)$/;
const IN_YEAR = /\s+(?:in|of)\s+\d{4}$/;

interface Found extends Span {
  label: string;
  date?: DateMention;
}

function fromDates(context: EventContext, unit: Unit): Found[] {
  const found: Found[] = [];
  const { text } = context;
  for (const date of spansWithin(context.dates, unit.start, unit.end)) {
    if (date.extractor === "named-event") {
      const label = date.text.replace(IN_YEAR, "");
      found.push({ start: date.start, end: date.start + label.length, label, date });
      continue;
    }
    const before = NOUN_OF.exec(text.slice(Math.max(unit.start, date.start - 80), date.start));
    if (before) {
      const start = date.start - before[0].length;
      found.push({ start, end: date.end, label: text.slice(start, date.end).replace(LEADING_WORDS, ""), date });
      continue;
    }
    // In a lower-cased token dump "july 3 1963 revolt" is a date before a trigger, not a name.
    const after = context.caseless ? null : AFTER_DATE.exec(text.slice(date.end, Math.min(unit.end, date.end + 60)));
    if (after) {
      const end = date.end + after[0].length;
      found.push({ start: date.start, end, label: text.slice(date.start, end), date });
    }
  }
  return found;
}

function fromNames(context: EventContext, unit: Unit): Found[] {
  if (context.caseless) return [];
  const found: Found[] = [];
  const sentence = context.text.slice(unit.start, unit.end);
  for (const match of sentence.matchAll(NOUN)) {
    const at = match.index ?? 0;
    const before = NAME_BEFORE.exec(sentence.slice(Math.max(0, at - 80), at));
    if (!before) continue;
    const numeral = NUMERAL.exec(sentence.slice(at + match[0].length, at + match[0].length + 5))?.[0] ?? "";
    const noun = match[0] + numeral;
    const name = before[1]!.replace(LEADING_WORDS, "");
    if (name === "" || LEADING_WORDS.test(`${name} `)) continue;
    const proper = name.split(/\s+/).some((word) => !ADJECTIVE.test(word));
    if (!proper && !/^\p{Lu}/u.test(noun)) continue;
    const end = unit.start + at + noun.length;
    const start = end - noun.length - 1 - name.length;
    // "last Monday's coup" is a coup on a date, not one named "Monday's coup".
    const span = { start, end };
    if (
      spansWithin(context.dates, unit.start, unit.end).some((d) => d.extractor !== "named-event" && overlaps(d, span))
    )
      continue;
    found.push({ start, end, label: `${name} ${noun}` });
  }
  return found;
}

function quoteOf(unit: Unit, found: Found): Span {
  if (unit.tokenCount <= RUN_ON) return { start: unit.start, end: unit.end };
  const at = unit.items.findIndex((item) => item.end > found.start);
  const from = unit.items[Math.max(0, at - 8)]!;
  const to = unit.items[Math.min(unit.items.length - 1, at + 8)]!;
  return { start: from.start, end: to.end };
}

const named = new WeakMap<Unit, Found[]>();

function findNamed(context: EventContext, unit: Unit): Found[] {
  const cached = named.get(unit);
  if (cached) return cached;
  const kept: Found[] = [];
  for (const found of [...fromDates(context, unit), ...fromNames(context, unit)]) {
    if (!kept.some((other) => overlaps(other, found))) kept.push(found);
  }
  named.set(unit, kept);
  return kept;
}

/** Where the sentence names an event: trigger words inside a name are not separate events. */
export function namedSpans(context: EventContext, unit: Unit): Span[] {
  return findNamed(context, unit);
}

/** Events named in the text: "the 14 July Revolution", "the Iraqi Revolution of July 14, 1958", "the ar-Rashid revolt". */
export const namedEventExtractor: EventExtractor = {
  name: "named-event",
  extract(context) {
    const drafts: Draft[] = [];
    for (const unit of context.units) {
      for (const found of findNamed(context, unit)) {
        const label = context.caseless ? titleCase(found.label) : found.label;
        const event = {
          type: eventTypeOfName(label),
          label,
          trigger: { start: found.start, end: found.end, text: context.text.slice(found.start, found.end) },
          quote: quoteOf(unit, found),
          ...(found.date ? { date: eventDateOf(found.date) } : {}),
          participants: [],
          fields: {},
          named: true,
          extractor: "named-event",
          confidence: found.date ? 0.9 : 0.75,
        };
        drafts.push(draftOf(event, "named", unit.index, unit.paragraph.index));
      }
    }
    return drafts;
  },
};

import type { InfoboxField, Span } from "../../../core/document.js";
import { extractDates } from "../../dates/index.js";
import type { EventContext } from "../context.js";
import { draftOf, type Draft, type EventExtractor } from "../draft.js";
import { spanningDate, type SpannedDate } from "../event-dates.js";
import { eventTypeOfName } from "../event-names.js";
import { commandersOf, leadingQuantity, valueParts } from "../infobox-values.js";
import { sideOfKey } from "../sides.js";
import { spansWithin } from "../spans.js";
import type { EventFieldValue, EventMention, EventParticipant } from "../types.js";

const EXTRACTOR = "infobox";
const NOT_FIELDS = /^(?:conflict|date|place|combatants?\d|commanders?\d|belligerents?\d)$/i;
const QUANTITY_FIELD = /^(?:strength|casualties|casualty|losses)\d*$/i;

/** Fields grouped into blocks: a new block starts at a repeated key or at a second Conflict. */
function blocksOf(fields: readonly InfoboxField[]): InfoboxField[][] {
  const blocks: InfoboxField[][] = [];
  let keys = new Set<string>();
  for (const field of fields) {
    const key = field.key.toLowerCase();
    const current = blocks[blocks.length - 1];
    if (!current || keys.has(key) || (key === "conflict" && current.length > 0)) {
      blocks.push([field]);
      keys = new Set([key]);
    } else {
      current.push(field);
      keys.add(key);
    }
  }
  return blocks;
}

function field(block: readonly InfoboxField[], key: string): InfoboxField | undefined {
  return block.find((each) => each.key.toLowerCase() === key);
}

function dateOf(context: EventContext, date: InfoboxField | undefined): SpannedDate | undefined {
  const value = date?.values[0];
  if (!value) return undefined;
  const given = spansWithin(context.dates, value.start, value.end);
  return given.length > 0 ? spanningDate(given) : spanningDate(extractDates(value.text), value.start);
}

function participantsOf(context: EventContext, block: readonly InfoboxField[]): EventParticipant[] {
  const participants: EventParticipant[] = [];
  for (const each of block) {
    const side = sideOfKey(each.key);
    if (side === undefined) continue;
    const quote: Span = { start: each.start, end: each.end };
    if (/^commander/i.test(each.key)) {
      for (const commander of commandersOf(each, context.mentions)) {
        const { start, end, name } = commander;
        participants.push({ start, end, name, type: "person", role: "commander", side, quote, extractor: EXTRACTOR });
      }
      continue;
    }
    for (const part of each.values.flatMap(valueParts)) {
      const mention = spansWithin(context.mentions, part.start, part.end).find(
        (m) => m.end - m.start === part.end - part.start,
      );
      const type = mention?.type === "person" ? "person" : mention?.type === "place" ? "place" : "organization";
      const name = mention?.name ?? part.text;
      participants.push({
        start: part.start,
        end: part.end,
        name,
        type,
        role: "combatant",
        side,
        quote,
        extractor: EXTRACTOR,
      });
    }
  }
  return participants;
}

function fieldsOf(block: readonly InfoboxField[]): Record<string, EventFieldValue[]> {
  const fields: Record<string, EventFieldValue[]> = {};
  for (const each of block) {
    if (NOT_FIELDS.test(each.key)) continue;
    const quote: Span = { start: each.start, end: each.end };
    for (const value of each.values) {
      const number = QUANTITY_FIELD.test(each.key) ? leadingQuantity(value.text) : undefined;
      const span = number ? { start: value.start + number.start, end: value.start + number.end } : value;
      const entry = { start: span.start, end: span.end, value: number?.value ?? value.text, quote };
      (fields[each.key.toLowerCase()] ??= []).push({ ...entry, extractor: EXTRACTOR, confidence: 0.95 });
    }
  }
  return fields;
}

function eventOf(context: EventContext, block: readonly InfoboxField[]): EventMention {
  const conflict = field(block, "conflict")?.values[0];
  const label = conflict?.text ?? context.document.title;
  const first = block[0]!;
  const last = block[block.length - 1]!;
  const date = dateOf(context, field(block, "date"));
  const placeValue = field(block, "place")?.values[0];
  const place = placeValue ? valueParts(placeValue)[0] : undefined;
  return {
    type: eventTypeOfName(label),
    label,
    trigger: conflict
      ? { start: conflict.start, end: conflict.end, text: conflict.text }
      : { start: first.start, end: first.end, text: label },
    quote: { start: first.start, end: last.end },
    ...(date ? { date } : {}),
    ...(place ? { place: { name: place.text, span: { start: place.start, end: place.end } } } : {}),
    participants: participantsOf(context, block),
    fields: fieldsOf(block),
    named: true,
    extractor: EXTRACTOR,
    confidence: 0.95,
  };
}

/** One event per infobox block: label, date, place, sides with combatants and commanders, and the other fields. */
export const infoboxExtractor: EventExtractor = {
  name: EXTRACTOR,
  extract(context) {
    const inBatch = context.document.infobox.filter(
      (each) => each.start >= context.covered.start && each.start < context.covered.end,
    );
    return blocksOf(inBatch).map((block): Draft => {
      const draft = draftOf(eventOf(context, block), "named");
      draft.main = true;
      return draft;
    });
  },
};

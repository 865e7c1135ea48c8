import type { Span } from "../../../core/document.js";
import type { EventContext, Unit } from "../context.js";
import { draftOf, type Draft, type EventExtractor } from "../draft.js";
import { TRIGGER_LEMMAS, type TriggerKind } from "../lexicon.js";
import type { Item } from "../sentence-view.js";
import { sideOf } from "../sides.js";
import type { EventFieldValue, EventMention, EventParticipant, EventType } from "../types.js";
import { argumentsOf, type Argument, type Arguments } from "./arguments.js";
import { clauseAround, RUN_ON, scopeOf, type Scope } from "./clauses.js";
import { labelOf } from "./labels.js";
import { quantitiesIn, type Quantity } from "./quantities.js";
import { triggerDates, type TriggerDate } from "./trigger-dates.js";
import { findHits, type Hit } from "./triggers.js";
import { namedSpans } from "./named-events.js";

interface DatedHit {
  hit: Hit;
  when?: TriggerDate;
}

const CONFLICTS: ReadonlySet<TriggerKind> = new Set(["conflict", "overthrow"]);

function sameWhen(a: DatedHit, b: DatedHit): boolean {
  return a.when?.date.value === b.when?.date.value;
}

/** Triggers of one event: a coup and the overthrow it did, or verbs joined by "and" ("seized … and flown"). */
function groupsOf(items: readonly Item[], hits: DatedHit[]): DatedHit[][] {
  const groups: DatedHit[][] = [];
  for (const dated of hits) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && sameWhen(previous, dated) && belongTogether(items, previous.hit, dated.hit)) {
      group.push(dated);
    } else groups.push([dated]);
  }
  return groups;
}

function belongTogether(items: readonly Item[], a: Hit, b: Hit): boolean {
  if (CONFLICTS.has(a.kind) && CONFLICTS.has(b.kind)) return true;
  const between = items.slice(a.index + 1, b.first).filter((item) => item.depth === 0);
  if (between.length > 8) return false;
  const clause = clauseAround(items, a.index, scopeOf(items, a.index));
  return clause.end > b.first && between.some((item) => item.lower === "and" || item.lower === ",");
}

function typeOf(items: readonly Item[], group: readonly Hit[], args: Arguments): EventType {
  const conflict = group.find((hit) => hit.kind === "conflict");
  if (conflict) return conflict.type;
  const first = group[0]!;
  if (first.kind === "overthrow") return "coup";
  if (first.kind !== "seize") return first.type;
  const power = items.slice(first.index, first.index + 5).some((item) => item.lower === "power");
  if (power) return "coup";
  if (items.slice(first.index, first.index + 3).some((item) => item.lower === "control")) return "attack";
  // Seizing a person is an arrest: the passive subject ("al-Sadi … were seized") or the direct object.
  const person = (item: Item | undefined): boolean => item?.mention?.type === "person";
  if (first.passive) return args.participants.some((p) => p.role === "patient" && person(p.item)) ? "arrest" : "attack";
  let object = first.index + 1;
  while (/^(?:the|a|an|his|her|their|its)$/.test(items[object]?.lower ?? "")) object++;
  return person(items[object]) ? "arrest" : "attack";
}

const THE_TWO = /^\s*(?:the two|both men|the pair|the two men)\b/i;

/** "The two had both been members of …": the last two people named in the sentence before. */
function theTwo(context: EventContext, unit: Unit): Argument[] {
  const previous = context.units[unit.index - 1];
  if (!previous || previous.paragraph.index !== unit.paragraph.index) return [];
  if (!THE_TWO.test(context.text.slice(unit.start, unit.start + 20))) return [];
  const people: Argument[] = [];
  for (const item of [...previous.items].reverse()) {
    if (item.mention?.type !== "person" || people.some((p) => p.item.mention!.name === item.mention!.name)) continue;
    people.unshift({ item, role: "participant" });
    if (people.length === 2) break;
  }
  return people.length === 2 ? people : [];
}

function participantsOf(args: Arguments, quote: Span): EventParticipant[] {
  const seen = new Set<string>();
  const out: EventParticipant[] = [];
  for (const { item, role } of args.participants) {
    const mention = item.mention!;
    if (seen.has(mention.name)) continue;
    seen.add(mention.name);
    out.push({
      start: item.start,
      end: item.end,
      name: mention.name,
      type: mention.type === "person" ? "person" : mention.type === "place" ? "place" : "organization",
      role,
      quote,
      extractor: "trigger",
    });
  }
  return out;
}

/** Strength figures are filed under the side of the sentence's actors when the infobox defines sides. */
function fieldsOf(
  context: EventContext,
  quantities: readonly Quantity[],
  participants: readonly EventParticipant[],
  quote: Span,
) {
  const fields: Record<string, EventFieldValue[]> = {};
  const sides = new Set(participants.map((p) => sideOf(context.sides, p.name)).filter((side) => side !== undefined));
  const side = sides.size === 1 ? [...sides][0]! : "";
  for (const quantity of quantities) {
    const key = quantity.field === "strength" ? `strength${side}` : quantity.field;
    const value = { start: quantity.start, end: quantity.end, value: quantity.value, quote, extractor: "trigger" };
    (fields[key] ??= []).push({ ...value, confidence: 0.7 });
  }
  return fields;
}

function draftFor(context: EventContext, unit: Unit, group: DatedHit[], quantities: Quantity[]): Draft | undefined {
  const { items } = unit;
  const hits = group.map((dated) => dated.hit);
  const first = hits[0]!;
  const last = hits[hits.length - 1]!;
  const runOn = items.length > RUN_ON;
  const when = group[0]!.when;
  if (!when && (runOn || context.caseless)) return undefined;
  const scope: Scope = scopeOf(items, first.index);
  const clause = clauseAround(items, first.index, scope);
  clause.end = Math.max(clause.end, clauseAround(items, last.index, scopeOf(items, last.index)).end);
  const args = argumentsOf(items, hits, clause, runOn);
  args.participants.push(...theTwo(context, unit));
  const quote = runOn
    ? { start: items[scope.start]!.start, end: items[scope.end - 1]!.end }
    : { start: unit.start, end: unit.end };
  const participants = participantsOf(args, quote);
  const lead = hits.find((hit) => hit.kind === "conflict") ?? first;
  const type = typeOf(items, hits, args);
  const event: EventMention = {
    type,
    label: labelOf({
      text: context.text,
      items,
      group: hits,
      args,
      clause,
      type,
      ...(when ? { date: when.date } : {}),
    }),
    trigger: {
      start: items[first.first]!.start,
      end: items[first.index]!.end,
      text: context.text.slice(items[first.first]!.start, items[first.index]!.end),
    },
    quote,
    ...(when ? { date: when.date } : {}),
    ...(args.place
      ? { place: { name: args.place.mention!.name, span: { start: args.place.start, end: args.place.end } } }
      : {}),
    participants,
    fields: fieldsOf(context, quantities, participants, quote),
    named: false,
    extractor: "trigger",
    confidence: 0.5 + (when ? 0.2 : 0) + (participants.length > 0 ? 0.1 : 0) + (args.place ? 0.05 : 0),
  };
  const refersBack = lead.reference || lead.possessiveDate || (lead.anaphoric && !when);
  if (refersBack) {
    event.refersBack = true;
    // The actors and place of the clause around "after the coup" are not the coup's; "coup in Baghdad" is.
    if (lead.reference) {
      event.participants = participants.filter((p) => isOfTheEvent(context.text, event.trigger.end, p.start));
      if (event.place && !isRightAfter(context.text, event.trigger.end, event.place.span.start)) delete event.place;
    }
  }
  const draft = draftOf(event, lead.kind, unit.index, unit.paragraph.index);
  draft.anaphoric = lead.anaphoric && !when;
  draft.reference = draft.anaphoric && lead.reference;
  return draft;
}

/** "coup in Baghdad", "revolt at Mosul": the place belongs to the event noun it follows. */
function isRightAfter(text: string, end: number, start: number): boolean {
  return start >= end && /^\s+(?:in|at)\s+(?:the\s+)?$/i.test(text.slice(end, start));
}

/** "the coup by the Baath", "the revolt of the Kurds against Qasim": actors in the event noun's own phrase. */
function isOfTheEvent(text: string, end: number, start: number): boolean {
  return start >= end && /^[^,.;:]{0,40}\b(?:by|of|against)\s+(?:the\s+)?$/i.test(text.slice(end, start));
}

/** Each quantity goes to the nearest trigger; in a run-on token dump, to the nearest dated one (undated ones are dropped there). */
function quantitiesByGroup(
  items: readonly Item[],
  groups: DatedHit[][],
  quantities: Quantity[],
  datedOnly: boolean,
): Quantity[][] {
  const out = groups.map((): Quantity[] => []);
  for (const quantity of quantities) {
    let best: number | undefined;
    let bestDistance = Infinity;
    groups.forEach((group, g) => {
      if (datedOnly && !group[0]!.when) return;
      const scope = scopeOf(items, group[0]!.hit.index);
      if (quantity.start < items[scope.start]!.start || quantity.end > items[scope.end - 1]!.end) return;
      const distance = Math.min(...group.map((d) => Math.abs(items[d.hit.index]!.start - quantity.start)));
      if (distance < bestDistance) [best, bestDistance] = [g, distance];
    });
    if (best !== undefined) out[best]!.push(quantity);
  }
  return out;
}

export const triggerExtractor: EventExtractor = {
  name: "trigger",
  extract(context) {
    const drafts: Draft[] = [];
    for (const unit of context.units) {
      if (unit.heading || !unit.mentionsAny(TRIGGER_LEMMAS)) continue;
      const hits = findHits(unit.items, namedSpans(context, unit));
      if (hits.length === 0) continue;
      const dates = triggerDates(context, unit, hits);
      const groups = groupsOf(
        unit.items,
        hits.map((hit, h) => ({ hit, ...optionalWhen(dates[h]) })),
      );
      const datedOnly = context.caseless || unit.items.length > RUN_ON;
      const quantities = quantitiesByGroup(
        unit.items,
        groups,
        quantitiesIn(context.text, unit, context.dates),
        datedOnly,
      );
      groups.forEach((group, g) => {
        const draft = draftFor(context, unit, group, quantities[g]!);
        if (!draft) return;
        // "Radio Mosul announced the arrest": an anaphor inside another event's clause only refers.
        if (draft.anaphoric && g > 0) draft.reference = true;
        drafts.push(draft);
      });
    }
    return drafts;
  },
};

function optionalWhen(when: TriggerDate | undefined): { when?: TriggerDate } {
  return when ? { when } : {};
}

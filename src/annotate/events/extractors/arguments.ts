import type { ParticipantRole } from "../types.js";
import { is, isActor, isPlace, wordSet, type Item } from "../sentence-view.js";
import type { Scope } from "./clauses.js";
import type { Hit } from "./triggers.js";

export interface Argument {
  item: Item;
  role: ParticipantRole;
}

export interface Arguments {
  participants: Argument[];
  place?: Item;
  /** Item indices before the trigger that hold its subject (adjuncts and asides left out). */
  subject: number[];
}

const ADJUNCT_START = wordSet(
  "on in at by during after before following without despite within since until under from throughout amid coupled according as together however",
);
const RELATIVE = wordSet("that which who");
const LOCATIVE = wordSet("in at to into near outside over inside across from");
const PATIENT_AFTER_OF = new Set(["overthrow", "arrest", "execute", "exile", "seize"]);
/** Kinds whose grammatical subject, with no object after the trigger, is the one it happened to. */
const UNDERGONE = new Set(["arrest", "execute", "exile"]);
const DETERMINERS = wordSet("the a an his her their its this these those other");

function inRange(scope: Scope, items: readonly Item[], keep: (item: Item) => boolean): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, scope.start); i < Math.min(items.length, scope.end); i++) if (keep(items[i]!)) out.push(i);
  return out;
}

/** Drops comma-separated openers that are adjuncts: "On Tuesday, November 12,", "without mentioning al-Sadi,". */
function withoutAdjuncts(items: readonly Item[], indices: number[]): number[] {
  const kept: number[] = [];
  let segment: number[] = [];
  const flush = (last: boolean): void => {
    const first = segment.map((i) => items[i]!).find((item) => !item.punctuation);
    const onlyDates = segment.every((i) => items[i]!.date || items[i]!.punctuation);
    if (first && !onlyDates && !first.date && !is(first, ADJUNCT_START)) kept.push(...segment);
    else if (last && first && is(first, ADJUNCT_START) && segment.length > 2)
      kept.push(...afterOpeningPhrase(items, segment));
    else if (last && !onlyDates) kept.push(...afterDate(items, segment));
    segment = [];
  };
  for (const i of indices) {
    if (items[i]!.lower === ",") flush(false);
    else segment.push(i);
  }
  flush(true);
  return kept;
}

/** "After the coup the new regime" → "the new regime": an opening phrase with no comma after it. */
function afterOpeningPhrase(items: readonly Item[], segment: number[]): number[] {
  let at = 1;
  while (at < segment.length && is(items[segment[at]!], DETERMINERS)) at++;
  return segment.slice(at + 1);
}

/** "The next day Radio Mosul announced" → "Radio Mosul": a date opening the clause with no comma after it. */
function afterDate(items: readonly Item[], segment: number[]): number[] {
  const date = segment.findIndex((i) => items[i]!.date);
  return date < 0 ? [] : segment.slice(date + 1);
}

/** The stretch after the trigger ends where "and" starts a new verb phrase ("… as president and moved swiftly"). */
function objectEnd(items: readonly Item[], from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const next = items[i + 1];
    const plain = next && !next.mention && !next.date && !next.punctuation && !/^\d/.test(next.lower);
    if (items[i]!.lower === "and" && plain && !is(next, DETERMINERS)) return i;
  }
  return end;
}

/** An actor named as a location ("in the Ministry of Defence") or as a modifier ("Ba'athist general X") takes no part. */
function takesPart(items: readonly Item[], i: number): boolean {
  if (!isActor(items[i])) return false;
  const previous = items[i - 1]?.lower === "the" ? items[i - 2] : items[i - 1];
  if (is(previous, LOCATIVE) && items[i]!.mention?.type !== "person") return false;
  if (items[i]!.mention?.type !== "group") return true;
  const person = (at: number): boolean => items[at]?.mention?.type === "person";
  return !(person(i + 1) || (person(i + 2) && !items[i + 1]!.punctuation));
}

function roleAfter(items: readonly Item[], hit: Hit, at: number, noun: boolean): ParticipantRole {
  if (hit.kind === "meeting") return "participant";
  for (let i = at - 1; i > hit.index; i--) {
    const word = items[i]!.lower;
    if (word === "by") return "agent";
    if (word === "against") return "patient";
    if (word === "favour" || word === "favor" || word === "with" || word === "alongside") return "participant";
    if (word === "of" && i === hit.index + 1 && PATIENT_AFTER_OF.has(hit.kind)) return "patient";
  }
  if (noun) return hit.kind === "conflict" ? "participant" : "patient";
  return hit.passive ? "participant" : "patient";
}

function roleBefore(hit: Hit, noun: boolean, hasObject: boolean, relative: boolean): ParticipantRole {
  if (hit.kind === "meeting" || relative) return "participant";
  if (hit.passive || (UNDERGONE.has(hit.kind) && !hasObject)) return "patient";
  return noun ? "participant" : "agent";
}

/** In a run-on token dump the subject is at most six words back, after any date ("… force background february 8 1963 army coup"). */
function runOnStart(items: readonly Item[], clause: Scope, hit: Hit): number {
  let start = Math.max(clause.start, hit.first - 6);
  for (let i = hit.first - 1; i >= start; i--) {
    if (items[i]!.date) {
      start = i + 1;
      break;
    }
  }
  return start;
}

/** The actor a relative clause hangs on: "Ali Salih al-Sa'di, who controlled …", "the movement that orchestrated …". */
function antecedentOf(items: readonly Item[], clause: Scope): number | undefined {
  if (!is(items[clause.start - 1], RELATIVE)) return undefined;
  const candidate = items[clause.start - 2]?.lower === "," ? clause.start - 3 : clause.start - 2;
  return isActor(items[candidate]) ? candidate : undefined;
}

export function argumentsOf(items: readonly Item[], group: readonly Hit[], clause: Scope, runOn: boolean): Arguments {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const inAside = items[first.index]!.depth > 0;
  const plain = (item: Item): boolean => inAside || item.depth === 0;
  const triggers = new Set(group.map((hit) => hit.index));
  const beforeScope = { start: runOn ? runOnStart(items, clause, first) : clause.start, end: first.first };
  const rawBefore = inRange(beforeScope, items, plain);
  const before = runOn ? rawBefore : withoutAdjuncts(items, rawBefore);
  const afterEnd = runOn ? Math.min(clause.end, last.index + 13) : objectEnd(items, last.index + 1, clause.end);
  const after = inRange({ start: first.index + 1, end: afterEnd }, items, plain).filter((i) => !triggers.has(i));
  const antecedent = antecedentOf(items, clause);
  const noun = group.every((hit) => hit.noun);
  const hasObject = after.some((i) => i > last.index && takesPart(items, i));
  const participants: Argument[] = [];
  if (antecedent !== undefined) participants.push({ item: items[antecedent]!, role: noun ? "participant" : "agent" });
  for (const i of before) {
    if (takesPart(items, i))
      participants.push({ item: items[i]!, role: roleBefore(first, noun, hasObject, antecedent !== undefined) });
  }
  for (const i of after) {
    if (takesPart(items, i)) participants.push({ item: items[i]!, role: roleAfter(items, first, i, noun) });
  }
  const subject = antecedent !== undefined ? [antecedent] : before;
  const place = placeOf(items, first.kind, rawBefore, after);
  return { participants, subject, ...(place ? { place } : {}) };
}

function placeOf(items: readonly Item[], kind: Hit["kind"], before: number[], after: number[]): Item | undefined {
  const placed = (list: number[]): number[] => list.filter((i) => isPlace(items[i]));
  const afterPlaces = placed(after);
  if ((kind === "seize" || kind === "attack") && afterPlaces[0] !== undefined) return items[afterPlaces[0]];
  const located = (list: number[]): number | undefined =>
    list.find((i) => is(items[i - 1], LOCATIVE) || (items[i - 1]?.lower === "the" && is(items[i - 2], LOCATIVE)));
  const chosen = located(afterPlaces) ?? located(placed(before)) ?? afterPlaces[0] ?? placed(before)[0];
  return chosen === undefined ? undefined : items[chosen];
}

import type { Item } from "../sentence-view.js";
import { is, isActor, wordSet } from "../sentence-view.js";

/** Item indices [start, end) of a stretch of a sentence. */
export interface Scope {
  start: number;
  end: number;
}

const CLAUSE_WORDS = wordSet(
  "that which who whom whose while whilst since although though because whereas but if when where unless",
);
const AFTER_COMMA = wordSet(
  "with without since while whilst which who whom whose although though because when where after before claiming arguing including but",
);
const TIME_NOUNS = wordSet("time day year moment point evening night morning week month");
const SUBJECT_START = wordSet("the a an his her their its this these those");

/** Sentences longer than this (in items) are token dumps without punctuation: arguments come from windows. */
export const RUN_ON = 80;

function isBoundary(items: readonly Item[], index: number): boolean {
  const item = items[index]!;
  if (item.depth > 0) return false;
  if (item.lower === ";" || item.lower === ":") return true;
  const next = items[index + 1];
  if (item.lower === ",") {
    if (is(next, AFTER_COMMA)) return true;
    const afterNext = items[index + 2];
    const newSubject = is(afterNext, SUBJECT_START) || isActor(afterNext);
    return next?.lower === "and" && newSubject && segmentHasVerb(items, index);
  }
  if (is(item, CLAUSE_WORDS)) return !(item.lower === "that" && is(next, TIME_NOUNS));
  return false;
}

const VERB_LIKE = wordSet("was were is are had has have lost took made gave went came led said did got");

/** Whether the sentence up to `comma` reads as a clause ("…, and the Party was ousted") rather than a list of names. */
function segmentHasVerb(items: readonly Item[], comma: number): boolean {
  for (let i = comma - 1; i >= 0 && items[i]!.lower !== ";"; i--) {
    const item = items[i]!;
    if (is(item, VERB_LIKE) || (!item.mention && !item.date && /^[a-z]+ed$/.test(item.lower))) return true;
  }
  return false;
}

/** The clause holding item `index`: between the nearest boundaries (";", ", which", "that", "while" …). */
export function clauseAround(items: readonly Item[], index: number, inside: Scope): Scope {
  let start = index;
  while (start > inside.start && !isBoundary(items, start - 1)) start--;
  let end = index + 1;
  while (end < inside.end && !isBoundary(items, end)) end++;
  return { start, end };
}

/** Where a trigger's arguments and date are looked for: its sentence, or a window in a run-on sentence. */
export function scopeOf(items: readonly Item[], index: number): Scope {
  if (items.length <= RUN_ON) return { start: 0, end: items.length };
  return { start: Math.max(0, index - 8), end: Math.min(items.length, index + 15) };
}

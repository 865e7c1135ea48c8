import type { EventType } from "../types.js";
import { TRIGGERS, type TriggerKind } from "../lexicon.js";
import { is, isActor, wordSet, type Item } from "../sentence-view.js";
import type { Span } from "../../../core/document.js";
import { clauseAround, RUN_ON, scopeOf } from "./clauses.js";

/** A trigger word found in a sentence, with what its neighbours say about it. */
export interface Hit {
  /** Item index of the trigger word. */
  index: number;
  /** First item of the trigger ("took" of "took control"). */
  first: number;
  kind: TriggerKind;
  type: EventType;
  noun: boolean;
  passive: boolean;
  anaphoric: boolean;
  /** A time reference to the event: "after the coup", "three months after coup", "since last Monday's coup". */
  reference: boolean;
  /** A date stated as the event's own in a possessive before it: "last Monday's coup". */
  possessiveDate: boolean;
}

const DETERMINERS = wordSet("the a an this that his her their its our another any");
const QUANTIFIERS = wordSet("the all some many several his her their its other newly recently those these");
const DEFINITE = wordSet("the this that");
const TAKE = wordSet("take took taken taking takes gain gained gaining assume assumed assuming");
const BE = wordSet("be is are was were been being wa get got");
const NEGATION = wordSet("not never n't no neither refused refuse refuses unwilling");
const MODALS = wordSet("would could should might may must shall will can cannot");
const IRREALIS = wordSet(
  "plan plans planned planning plot plotted plotting prepare prepared preparing preparation preparations ready willing intent intention intend intended intends demand demanded demanding propose proposed proposing suggest suggested oppose opposed threaten threatened hope hoped want wanted aim aimed expect expected idea possibility prospect option remained remain remains stayed",
);
const GOVERNING = wordSet(
  "demanded demand proposed suggested decided agreed insisted urged feared hoped wanted ordered asked",
);
const REALIS_BEFORE_TO = wordSet("able managed forced");
/** "Character of coup", "enthusiasm for coup": telegraphese drops the article of a known event. */
const BARE_NOUN_AFTER = wordSet("of for by against about over");
const TEMPORAL = wordSet("after before since following until till during throughout prior");
const NOT_AN_EXECUTION = wordSet("order orders plan plans command commands task duty mission operation");
const AS_FROM = wordSet("as from");
const AS = wordSet("as");
const TITLES = wordSet(
  "prime minister president premier commander head chief chairman secretary ambassador governor king leader",
);

function within(items: readonly Item[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, from); i < Math.min(items.length, to); i++) if (is(items[i], words)) return true;
  return false;
}

function isPlainWord(item: Item | undefined): boolean {
  return item !== undefined && !item.mention && !item.date && !item.punctuation && /^\p{Ll}/u.test(item.lower);
}

/** Whether the words around the trigger make it the event its kind names. */
function fits(kind: TriggerKind, items: readonly Item[], i: number, word: string): boolean {
  const next = items[i + 1];
  // "all captured officers": a participle used as an adjective.
  if (
    /ed$/.test(word) &&
    is(items[i - 1], QUANTIFIERS) &&
    isPlainWord(next) &&
    !/^(?:by|and|at|to|in|on)$/.test(next!.lower)
  ) {
    return false;
  }
  switch (kind) {
    case "seize":
      if (word === "control" || word === "power") return is(items[i - 1], TAKE);
      return true;
    case "overthrow":
      return word !== "removed" || within(items, i + 1, i + 5, AS_FROM);
    case "order": {
      const to = items.findIndex((item, at) => at > i && at <= i + 4 && item.lower === "to");
      return to > 0 && isPlainWord(items[to + 1]) && !is(items[to + 1], DETERMINERS) && next?.lower !== "by";
    }
    case "exile":
      return word !== "flown" || next?.lower === "to" || next?.lower === "into";
    case "execute":
      return !within(items, i + 1, i + 3, NOT_AN_EXECUTION);
    case "form":
      if (next?.lower === "of") return false;
      return [1, 2, 3].some((d) => isActor(items[i + d])) || (is(items[i - 1], BE) && isActor(items[i - 2]));
    case "meeting":
      return word !== "met" || next?.lower === "with";
    case "arming":
      return next?.lower === "of";
    case "appoint":
      if (items[i - 1]?.lower === "by") return false;
      if (word === "named") return is(next, TITLES);
      if (word === "instituted") return within(items, i + 1, i + 5, AS);
      return true;
    default:
      return true;
  }
}

/** Said as a wish, plan, order, purpose or denial rather than as something that happened. */
function irrealis(items: readonly Item[], i: number, clause: Span, verb: boolean): boolean {
  // A run-on token dump has no clauses: look only a few words back, and not past a date.
  let floor = clause.start;
  if (items.length > RUN_ON) {
    floor = Math.max(floor, i - 4);
    for (let d = i - 1; d >= floor; d--) if (items[d]!.date) floor = d + 1;
  }
  if (within(items, floor, i, NEGATION) || within(items, floor, i, MODALS)) return true;
  if (within(items, Math.max(floor, i - 4), i, IRREALIS)) return true;
  if (items[clause.start - 1]?.lower === "that" && is(items[clause.start - 2], GOVERNING)) return true;
  const realis = (to: number): boolean => within(items, to - 3, to, REALIS_BEFORE_TO);
  if (!verb) {
    // "to support the revolution": a purpose, not an event.
    const to = items[i - 3]?.lower === "to" ? i - 3 : -1;
    return to >= 0 && is(items[i - 1], DETERMINERS) && !realis(to);
  }
  const to = items[i - 1]?.lower === "to" ? i - 1 : items[i - 2]?.lower === "to" && is(items[i - 1], BE) ? i - 2 : -1;
  return to >= 0 && !realis(to);
}

/** "event_type (coup / attempted / conspiracy)": a word among alternatives split by slashes names a category, not an event. */
function isListedLabel(items: readonly Item[], i: number): boolean {
  return [items[i - 1], items[i + 1]].some((item) => item?.lower === "/" || item?.lower === "|");
}

const MANY =
  /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens|hundreds|several|many|numerous)$/;

/** Nouns that a trigger word qualifies, or that govern it with "of", to speak of a kind or a record of events. */
const RECORD_NOUNS =
  /^(?:types?|kinds?|categor(?:y|ies)|class(?:es)?|data|datasets?|instances|counts?|statistics|variables?|columns?|codes?|ids?|lists?|numbers?|series|history|histories)$/;

/**
 * "943 coup instances", "twenty coups", "coup types", "instances of coups", "coup_id": many events, a
 * kind of them or a field name, not one event.
 */
function isManyOrKind(items: readonly Item[], i: number): boolean {
  const next = items[i + 1]?.lower ?? "";
  if (RECORD_NOUNS.test(next) || next === "_" || items[i - 1]?.lower === "_") return true;
  if (items[i - 1]?.lower === "of" && RECORD_NOUNS.test(items[i - 2]?.lower ?? "")) return true;
  const count = items[i - 1];
  if (!count || count.date) return false;
  const digits = count.lower.replaceAll(",", "");
  return /^\d+$/.test(digits) ? Number(digits) > 1 : MANY.test(count.lower);
}

/**
 * "columns coup_id, country, year, jailed, tried, fled, exile": a word in a list of short items (one
 * or two words between commas, asides skipped) that a record noun opens names a field.
 */
function isRecordField(items: readonly Item[], i: number): boolean {
  let words = 0;
  for (let j = i - 1; j >= Math.max(0, i - 200); j--) {
    const item = items[j]!;
    if (item.depth > items[i]!.depth || /^[()\s]*$/.test(item.lower)) continue;
    if (item.lower === ",") words = 0;
    else if (RECORD_NOUNS.test(item.lower)) return words === 0;
    else if (item.punctuation && item.lower !== "_") return false;
    else if (item.lower !== "_" && ++words > 2) return false;
  }
  return false;
}

/** Trigger words of a sentence that tell an event, skipping those inside `named` spans. */

export function findHits(items: readonly Item[], named: readonly Span[] = []): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.mention || item.date || item.punctuation) continue;
    const key = TRIGGERS.has(item.lower) ? item.lower : item.lemma;
    const word = TRIGGERS.get(key);
    if (!word || !fits(word.kind, items, i, key)) continue;
    if (named.some((span) => span.start <= item.start && item.end <= span.end)) continue;
    if (isListedLabel(items, i) || isManyOrKind(items, i) || isRecordField(items, i)) continue;
    const clause = clauseAround(items, i, scopeOf(items, i));
    const first = (item.lower === "control" || item.lower === "power") && is(items[i - 1], TAKE) ? i - 1 : i;
    const previous = items[first - 1];
    const noun = !word.verb || is(previous, DETERMINERS) || items[i + 1]?.lower === "of";
    if (irrealis(items, first, clause, !noun)) continue;
    const possessive = previous?.lower === "'s" || previous?.lower === "’s";
    const possessiveDate = possessive && items[first - 2]?.date !== undefined;
    const temporal = is(previous, TEMPORAL);
    const bare = is(previous, BARE_NOUN_AFTER) && !word.verb && item.lower === key;
    const anaphoric = noun && (is(previous, DEFINITE) || possessiveDate || temporal || bare);
    hits.push({
      index: i,
      first,
      kind: word.kind,
      type: word.type,
      noun,
      passive: !noun && (within(items, first - 2, first, BE) || items[i + 1]?.lower === "by"),
      anaphoric,
      reference: anaphoric && within(items, first - 4, first, TEMPORAL),
      possessiveDate,
    });
  }
  return hits;
}

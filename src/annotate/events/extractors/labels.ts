import { dateLabel } from "../event-dates.js";
import { capitalize } from "../event-names.js";
import type { EventDate, EventType } from "../types.js";
import { is, isActor, surface, wordSet, type Item } from "../sentence-view.js";
import type { Arguments } from "./arguments.js";
import type { Scope } from "./clauses.js";
import type { Hit } from "./triggers.js";

const AUXILIARIES = wordSet("be is are was were been being wa had has have got did do does would");
const DETERMINERS = wordSet("the a an his her their its this that these those");
const BEGAN = wordSet("began begun begin begins started start starts");
const STOP_OF_PHRASE = wordSet("began begun begin begins started continued was were is are had has and , . ; :");
const LOCATIVE = wordSet("to into in");
const LEADING_CONJUNCTION =
  /^(?:soon after|shortly after|and|but|then|so|or|later|subsequently|eventually|finally|meanwhile|also|thereafter|afterwards)\s+/i;
const QUOTES = new Set(["'", '"', "‘", "’", "“", "”"]);
const OPENERS = wordSet("and that who which before after since during following until while when without");
const STRAY_QUOTES = /^[\s"'“”‘’]+|[\s"'“”‘’,;:-]+$/g;
const TRAILING_WORDS = /(?:\s+(?:the|a|an|of|in|on|at|to|by|for|from|with|and|his|her|their|its))+$/i;
const AS_HEAD_OF = /^.*?\bas (?:the )?(?:commander|head|leader|chief|commander-in-chief) of (?:the )?/i;
const MAX_WORDS = 8;

/** Items as written, mentions without a possessive "'s". */
function phrase(text: string, items: readonly Item[], indices: readonly number[]): string {
  let out = "";
  let previous = -2;
  for (const i of indices) {
    const item = items[i]!;
    const word = item.mention ? surface(text, item) : text.slice(item.start, item.end);
    const glued = previous === i - 1 && items[previous]!.end === item.start;
    out += out === "" || glued ? word : ` ${word}`;
    previous = i;
  }
  return out.replace(/\s+([,.;:!?])/g, "$1").trim();
}

/** "the 19th Brigade and the 20th Brigade" → "19th and 20th Brigades". */
function sharedHead(text: string): string {
  const match = /^(.+?) (\p{L}+) and (.+?) \2$/u.exec(text);
  return match ? `${match[1]} and ${match[3]} ${match[2]}s` : text;
}

function joinNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} and ${unique[unique.length - 1]}`;
}

/** Who the sentence says acted (or, in the passive, was acted upon), short enough for a label. */
function subjectPhrase(text: string, items: readonly Item[], args: Arguments): string {
  let indices = args.subject.filter((i) => !is(items[i], DETERMINERS) && !items[i]!.date && items[i]!.depth === 0);
  while (indices.length > 0 && is(items[indices[indices.length - 1]!], AUXILIARIES)) indices = indices.slice(0, -1);
  const counted = (list: number[], at: number): boolean => /^\d+$/.test(items[list[at - 1] ?? -1]?.lower ?? "");
  indices = indices.filter((i, at, list) => !(items[i]!.lower === "of" && counted(list, at)));
  // "18 Ba'ath Party colleagues" → "18 colleagues": the organization only says which people were counted.
  indices = indices.filter((i, at, list) => {
    const next = items[list[at + 1] ?? -1];
    return !(isActor(items[i]) && counted(list, at) && next && !next.mention && !next.punctuation);
  });
  const subject = sharedHead(
    phrase(text, items, indices)
      .replace(STRAY_QUOTES, "")
      .replace(AS_HEAD_OF, "")
      .replace(/^[,;:\s]+|[,;:\s]+$/g, "")
      .replace(LEADING_CONJUNCTION, ""),
  );
  if (subject.split(/\s+/).length <= MAX_WORDS) return subject;
  const actors = indices.filter((i) => isActor(items[i])).map((i) => surface(text, items[i]!));
  if (actors.length > 0) return joinNames(actors);
  return subject
    .split(/\s+/)
    .slice(-3)
    .join(" ")
    .replace(LEADING_CONJUNCTION, "")
    .replace(/^(?:of|in|at|on|to|by|for|with|from)\s+/i, "");
}

/** Words from `from` to the clause end, without dates and the preposition before them. */
function complement(text: string, items: readonly Item[], from: number, clause: Scope, max: number): string {
  const indices: number[] = [];
  for (let i = from; i < clause.end && indices.length < max; i++) {
    const item = items[i]!;
    if (item.date || item.depth > 0 || item.punctuation) continue;
    if (items[i + 1]?.date && /^(?:on|in|at|by|of)$/.test(item.lower)) continue;
    indices.push(i);
  }
  return phrase(text, items, indices);
}

/** Plain words just before a trigger noun: "forced into (exile)", "organized (a massacre)". */
function wordsBefore(text: string, items: readonly Item[], hit: Hit, floor: number): string {
  const indices: number[] = [];
  for (let i = hit.first - 1; i > floor && indices.length < 3; i--) {
    const item = items[i]!;
    if (is(item, DETERMINERS)) continue;
    if (item.mention || item.date || item.punctuation || is(item, AUXILIARIES) || is(item, OPENERS)) {
      break;
    }
    indices.unshift(i);
  }
  return phrase(text, items, indices);
}

function tailOf(text: string, items: readonly Item[], hit: Hit, clause: Scope, args: Arguments): string {
  let i = hit.index + 1;
  if (is(items[i], LOCATIVE)) {
    const place = items[i + 1]?.lower === "the" ? items[i + 2] : items[i + 1];
    if (place?.mention?.type === "place") return `${items[i]!.lower} ${surface(text, place)}`;
  }
  if (hit.kind === "appoint") return complement(text, items, i, clause, 3);
  if (hit.passive) {
    const agents = args.participants.filter((p) => p.role === "agent").map((p) => surface(text, p.item));
    return agents.length > 0 ? `by ${joinNames(agents)}` : "";
  }
  while (i < clause.end && (is(items[i], DETERMINERS) || QUOTES.has(items[i]!.lower))) i++;
  if (hit.noun && items[i]?.lower === "of") {
    const object = items[i + 1]?.lower === "the" ? items[i + 2] : items[i + 1];
    return object?.mention ? `of ${surface(text, object)}` : "";
  }
  const object = items[i];
  if (!object || i >= clause.end || hit.noun || object.punctuation) return "";
  if (object.mention) return surface(text, object);
  const words: number[] = [];
  for (; i < clause.end && words.length < 4 && !items[i]!.date; i++) {
    const glued = items[i - 1]!.end === items[i]!.start && items[i]!.end === items[i + 1]?.start;
    if (items[i]!.punctuation && !(glued && items[i]!.lower === "-")) break;
    words.push(i);
  }
  return phrase(text, items, words);
}

function conflictLabel(
  text: string,
  group: readonly Hit[],
  items: readonly Item[],
  args: Arguments,
  date?: EventDate,
): string {
  const conflict = group.find((hit) => hit.kind === "conflict");
  const noun = conflict ? items[conflict.index]!.lower.replace(/s$/, "") : "coup";
  if (date) return `${dateLabel(date)} ${noun}`;
  const named = (role: string): string[] =>
    args.participants.filter((p) => p.role === role).map((p) => surface(text, p.item));
  const patients = named("patient");
  if (patients.length > 0) return `${capitalize(noun)} against ${joinNames(patients)}`;
  const agents = named("agent");
  return agents.length > 0 ? `${capitalize(noun)} by ${joinNames(agents)}` : capitalize(noun);
}

export interface LabelInput {
  text: string;
  items: readonly Item[];
  group: readonly Hit[];
  args: Arguments;
  clause: Scope;
  type: EventType;
  date?: EventDate;
}

/** A short readable phrase: the trigger with its core arguments, not the whole sentence. */
export function labelOf({ text, items, group, args, clause, type, date }: LabelInput): string {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  if (group.some((hit) => hit.kind === "conflict") || (type === "coup" && date)) {
    return conflictLabel(text, group, items, args, date);
  }
  if (first.kind === "arming") {
    const indices: number[] = [];
    let i = first.index + 1;
    for (; i < clause.end && indices.length < 6 && !is(items[i], STOP_OF_PHRASE) && !items[i]!.date; i++)
      indices.push(i);
    return `Arming ${phrase(text, items, indices)}${is(items[i], BEGAN) ? " begins" : ""}`;
  }
  const subject = subjectPhrase(text, items, args);
  if (first.kind === "order") {
    const to = items.findIndex((item, at) => at > first.index && item.lower === "to");
    const who = first.passive
      ? subject
      : joinNames(args.participants.filter((p) => p.role === "patient").map((p) => surface(text, p.item)));
    return capitalize(`${who} ordered ${complement(text, items, to, clause, 9)}`.trim().replace(TRAILING_WORDS, ""));
  }
  const floor = args.subject[args.subject.length - 1] ?? clause.start - 1;
  const verbs = group.map((hit) => phrase(text, items, range(hit.first, hit.index + 1)).toLowerCase());
  const parts = [
    subject,
    wordsBefore(text, items, first, floor),
    verbs.join(" and "),
    tailOf(text, items, last, clause, args),
  ];
  return capitalize(
    parts
      .filter((part) => part !== "")
      .join(" ")
      .replace(TRAILING_WORDS, ""),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

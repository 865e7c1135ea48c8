import { guideType, isNationalityWord } from "./guide-mapping.js";
import type { EntitySpan, EntityType, Tag } from "./tags.js";
import { spansToTags } from "./tags.js";
import { TITLE_WORDS, bareLower } from "./words.js";

/**
 * re3d marks mentions, not names: pronouns ("He", "We"), descriptions ("the army", "a military
 * airport") and titles ("President Bashar al-Assad") are entities there. annals wants names in the
 * CoNLL style of WikiGold, so each re3d Person / Organisation / Location span is cut down to its
 * name, and dropped when none is left:
 * - leading determiners and words that are not capitalised are cut (a name particle joined to
 *   what follows stays: "al - Rahman Farms");
 * - a person is the run of name words at the end of the span, and only counts when it starts the
 *   span or follows a title or comma ("US Defense Secretary Ash Carter" → "Ash Carter"; "Foreign
 *   Office Minister" and "Minister for the Middle East" are dropped);
 * - trailing words that are not capitalised are cut ("Hezbollah movement" → "Hezbollah"), and if
 *   that leaves a lone nationality adjective ("Iraqi security forces") the span is dropped;
 * - spans left with pronouns or numbers only are dropped, and so are lone nationality words ("Syrians");
 * - an organization that is a country's name is a place (guideType: "Russia and Turkey announced").
 * Nationality, Temporal, Weapon and the other re3d types become O (like CoNLL MISC).
 */
const RE3D_TYPES: Readonly<Record<string, EntityType>> = { Person: "PER", Organisation: "ORG", Location: "LOC" };

const NOT_NAMES = new Set(
  "i we he she it they me us him her them you his its their our my this that these those who one the a an".split(" "),
);
/** Words that introduce a person's name in a role description ("Secretary of State Tony Blinken"). */
const ROLE_WORDS = new Set("state defense defence foreign home interior affairs prime senior special".split(" "));
const JOINING_PARTICLES = new Set("al el abu abd abdul bin ibn bint".split(" "));
const NATIONALITY_ENDING = /(?:i|ian|an|ish|ese|ic)$/;
const NAME_PUNCTUATION = /^['’-]$/;

interface RawSpan {
  start: number;
  end: number;
  label: string;
}

/** Spans of a BIO2 sequence with arbitrary labels. */
function rawSpans(tags: readonly string[]): RawSpan[] {
  const spans: RawSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const label = tag.slice(2);
    const last = spans[spans.length - 1];
    if (tag.startsWith("I-") && last && last.end === i && last.label === label) last.end = i + 1;
    else if (tag.startsWith("B-") || tag.startsWith("I-")) spans.push({ start: i, end: i + 1, label });
  }
  return spans;
}

function isNameWord(token: string): boolean {
  return /^[\p{Lu}\d]/u.test(token) && !NOT_NAMES.has(token.toLowerCase());
}

function isTitle(token: string): boolean {
  const bare = bareLower(token);
  return TITLE_WORDS.has(bare) || ROLE_WORDS.has(bare);
}

function startsJoinedName(tokens: readonly string[], i: number, end: number): boolean {
  const next = tokens[i + 1];
  return JOINING_PARTICLES.has(tokens[i]!.toLowerCase()) && i + 1 < end && (next === "-" || isNameWord(next!));
}

/** Start of the person's name ending at `end`, or undefined when the span holds no name. */
function personStart(tokens: readonly string[], start: number, end: number): number | undefined {
  let s = end;
  while (s > start) {
    const word = tokens[s - 1]!;
    const inName = (isNameWord(word) && !isTitle(word)) || JOINING_PARTICLES.has(word.toLowerCase());
    if (!inName && !(NAME_PUNCTUATION.test(word) && s < end)) break;
    s--;
  }
  while (s < end && NAME_PUNCTUATION.test(tokens[s]!)) s++;
  if (s === end) return undefined;
  const before = tokens[s - 1];
  return s === start || before === "," || (before !== undefined && isTitle(before)) ? s : undefined;
}

/** The name inside re3d span [start, end) of the given type, or undefined when there is none. */
export function nameCore(
  tokens: readonly string[],
  start: number,
  end: number,
  type: EntityType,
): EntitySpan | undefined {
  let s = start;
  let e = end;
  while (s < e && !isNameWord(tokens[s]!) && !startsJoinedName(tokens, s, e)) s++;
  while (e > s && !isNameWord(tokens[e - 1]!)) e--;
  if (e <= s) return undefined;
  if (type === "PER") {
    if (e < end) return undefined;
    const name = personStart(tokens, s, e);
    return name === undefined ? undefined : { startToken: name, endToken: e, type };
  }
  const core = tokens.slice(s, e);
  if (!core.some((token) => /^\p{Lu}/u.test(token))) return undefined;
  if (core.length === 1 && e < end && NATIONALITY_ENDING.test(core[0]!.toLowerCase())) return undefined;
  if (core.length === 1 && isNationalityWord(core[0]!)) return undefined;
  return guideType(tokens, { startToken: s, endToken: e, type });
}

/** PER / ORG / LOC BIO tags for a re3d sentence (see the mapping rules above). */
export function re3dToNerTags(tokens: readonly string[], tags: readonly string[]): Tag[] {
  const spans: EntitySpan[] = [];
  for (const raw of rawSpans(tags)) {
    const type = RE3D_TYPES[raw.label];
    if (type === undefined) continue;
    const core = nameCore(tokens, raw.start, raw.end, type);
    if (core) spans.push(core);
  }
  return spansToTags(tokens.length, spans);
}

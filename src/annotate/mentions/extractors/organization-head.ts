/**
 * Organizations by their head word, in cased text: a capitalised stretch ending in Party,
 * Committee, Army, Guard, Militia, Movement, Front, Union, Agency… ("Iraqi Communist Party",
 * "Ba'ath Party Regional Command"), with an "of" complement after heads that take one
 * ("Association of Soldiers and Officers", "Arab Socialist Union of Iraq"), a lower-case head after
 * two capitalised words ("Free Officers movement"), "Radio Baghdad", and a quoted name after
 * "organization" or "party" ("Freedom of Fatherland").
 */
import { makeMention } from "../context.js";
import { isStopWord } from "../lexicon/common-words.js";
import { HEAD_FIRST, LOWER_CASE_HEADS, ORG_HEADS, ORG_PREFIXES, QUOTED_ORG_CUES } from "../lexicon/organizations.js";
import { isTitle } from "../lexicon/titles.js";
import { lookupPlace } from "../gazetteer/places.js";
import { normalizeName } from "../names.js";
import { matchesInRange, spansAtNameStarts } from "../scan.js";
import type { Mention, MentionContext, MentionExtractor } from "../types.js";

const ORG_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’&.-]*[\p{L}\p{N}']|\p{Lu}`;
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(?:${ORG_WORD})(?:[ \t]+(?:(?:of|for|and|of the|for the|on|de|al)[ \t]+)?(?:${ORG_WORD}))*`,
  "uy",
);
const QUOTED = new RegExp(
  String.raw`\b(${[...QUOTED_ORG_CUES].join("|")}),?[ \t]+(?:called[ \t]+|named[ \t]+)?["“‘']([A-Z\u00C0-\u00DE][^"”’'\n]{2,60})["”’']`,
  "gi",
);
const CONNECTORS = new Set(["of", "for", "and", "the", "on", "de", "al", "of the", "for the"]);

interface Word {
  text: string;
  start: number;
  end: number;
}

const capitalised = (word: Word | undefined): boolean => word !== undefined && !CONNECTORS.has(word.text);

function isPlaceName(name: string): boolean {
  const place = lookupPlace(name);
  return place !== undefined && place.kind !== "city";
}

function sentenceInitial(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at).trimEnd();
  return before.length === 0 || /[.!?:\n"“]$/.test(before);
}

const ARTICLES = new Set(["the", "a", "an", "this", "that", "these", "those"]);

/** Leading words that are no part of an organization's name ("The", "However", "Declassified"; not "All Souls"). */
function isNoise(word: string, initial: boolean): boolean {
  const lower = word.toLowerCase();
  if (ARTICLES.has(lower) || isTitle(word)) return true;
  return initial && (isStopWord(lower) || /(?:ed|ing|ly)$/.test(lower));
}

function organizationsInRun(context: MentionContext, words: Word[], out: Mention[]): void {
  const text = context.document.text;
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (ORG_PREFIXES.has(word.text) && capitalised(words[i + 1])) {
      out.push(orgMention(context, word.start, words[i + 1]!.end));
      i += 2;
      continue;
    }
    if (!capitalised(word)) {
      i++;
      continue;
    }
    let stretchEnd = i;
    while (capitalised(words[stretchEnd + 1])) stretchEnd++;
    let first = i;
    while (first < stretchEnd && isNoise(words[first]!.text, sentenceInitial(text, words[first]!.start))) first++;
    const found = organizationIn(text, words, first, stretchEnd);
    if (found && !isPlaceName(normalizeName(text.slice(found.start, found.end)))) {
      out.push(orgMention(context, found.start, found.end));
    }
    i = Math.max(stretchEnd + 1, found?.nextWord ?? 0);
  }
}

/** The organization in the capitalised stretch words[first..stretchEnd], if it has a head. */
function organizationIn(text: string, words: Word[], first: number, stretchEnd: number) {
  let last = -1;
  for (let k = stretchEnd; k >= first && last < 0; k--) if (ORG_HEADS.has(words[k]!.text)) last = k;
  if (last >= 0) first = ownNameStart(words, first, last);
  const start = words[first]!.start;
  if (last >= 0) {
    const complement = HEAD_FIRST.has(words[last]!.text) ? complementAfter(words, last) : last;
    if (complement === last && last === first) return undefined;
    let end = words[complement]!.end;
    if (complement === last && last === stretchEnd) end = lowerCaseHeadEnd(text, end) ?? end;
    return { start, end, nextWord: complement + 1 };
  }
  if (stretchEnd === first) return undefined;
  const end = lowerCaseHeadEnd(text, words[stretchEnd]!.end);
  return end === undefined ? undefined : { start, end, nextWord: stretchEnd + 1 };
}

/**
 * Where the name headed by words[head] starts: after a place that owns it ("Iran's Islamic
 * Revolutionary Guard Corps"; "People's Front" stays whole) and after a capitalised "The" inside the stretch, which starts a name of its own ("Britain
 * The Labor Party", a headline run into its story).
 */
function ownNameStart(words: Word[], first: number, head: number): number {
  let start = first;
  for (let k = first; k < head; k++) {
    const word = words[k]!.text;
    const owner = /^(.+)['’]s$/.exec(word)?.[1];
    if ((owner !== undefined && lookupPlace(owner) !== undefined) || word === "The") start = k + 1;
  }
  return start;
}

/** End of a lower-case head right after `at` ("… Officers movement"), if there is one. */
function lowerCaseHeadEnd(text: string, at: number): number | undefined {
  const head = /^[ \t]+([a-z]+)(?![\p{L}])/u.exec(text.slice(at, at + 20));
  return head && LOWER_CASE_HEADS.has(head[1]!) ? at + head[0].length : undefined;
}

/** Index of the last word of an "of [the] X [and Y]" complement after words[head], or head. */
function complementAfter(words: Word[], head: number): number {
  const of = words[head + 1];
  if (!of || !/^of( the)?$/.test(of.text)) return head;
  let k = head + 2;
  if (!capitalised(words[k])) return head;
  while (capitalised(words[k + 1])) k++;
  if (words[k + 1]?.text === "and" && capitalised(words[k + 2])) {
    k += 2;
    while (capitalised(words[k + 1])) k++;
  }
  return k;
}

function orgMention(context: MentionContext, start: number, end: number): Mention {
  const name = normalizeName(context.document.text.slice(start, end));
  return makeMention(context, start, end, {
    type: "organization",
    name,
    extractor: "organization-head",
    confidence: 0.85,
  });
}

function runWords(run: string, offset: number): Word[] {
  const words: Word[] = [];
  for (const match of run.matchAll(/of the|for the|\S+/g)) {
    let text = match[0];
    // "the Iraqi Army's officers": the possessive is no part of the head.
    if (/['’]s$/.test(text) && ORG_HEADS.has(text.slice(0, -2))) text = text.slice(0, -2);
    words.push({ text, start: offset + match.index, end: offset + match.index + text.length });
  }
  return words;
}

export const organizationHeadExtractor: MentionExtractor = {
  name: "organization-head",
  extract(context) {
    if (context.caseless) return [];
    const mentions: Mention[] = [];
    const text = context.document.text;
    for (const run of spansAtNameStarts(context, RUN)) {
      organizationsInRun(context, runWords(text.slice(run.start, run.end), run.start), mentions);
    }
    for (const match of matchesInRange(context, QUOTED)) {
      const start = match.index + match[0].length - match[2]!.length - 1;
      mentions.push(orgMention(context, start, start + match[2]!.trimEnd().length));
    }
    return mentions;
  },
};

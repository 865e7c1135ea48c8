/**
 * Names declared in parentheses, in cased text. "Iraqi Communist Party (ICP)": the acronym is an
 * alias of the long name (aliasOf), and every later "ICP" too. "Muhammad Habib (Abu Salam)": a
 * nickname, aliasOf the person. "the Independence Party (Shanshall)": a person named beside the
 * organization he leads. Well-known acronyms of organizations (CIA, UN, NATO) need no declaration.
 */
import { makeMention } from "../context.js";
import { lookupPlace } from "../gazetteer/places.js";
import { isCommonWord } from "../lexicon/common-words.js";
import { ORG_HEADS } from "../lexicon/organizations.js";
import { isArabicNameMarker, isGivenName, isKnownFirstName } from "../lexicon/person-names.js";
import { normalizeName } from "../names.js";
import { matchesInRange, spansAtNameStarts } from "../scan.js";
import type { Mention, MentionContext, MentionExtractor, MentionType } from "../types.js";

const PARENTHESIS = /\(([\p{Lu}][\p{L}\p{M}'’.& -]{0,40})\)/gu;
const ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}][\p{Lu}\p{Ll}.&]{1,9}$/u;
const CONNECTORS = new Set(["of", "and", "for", "the", "de", "&", "in", "on"]);
const CAPITALS = /\p{Lu}[\p{Lu}.&]{1,8}(?![\p{L}\p{N}])/uy;

export const KNOWN_ACRONYMS: ReadonlyMap<string, string> = new Map([
  ["CIA", "Central Intelligence Agency"],
  ["FBI", "Federal Bureau of Investigation"],
  ["KGB", "KGB"],
  ["NATO", "North Atlantic Treaty Organization"],
  ["UN", "United Nations"],
  ["UNESCO", "UNESCO"],
  ["UNICEF", "UNICEF"],
  ["UNRWA", "UNRWA"],
  ["OPEC", "Organization of the Petroleum Exporting Countries"],
  ["PLO", "Palestine Liberation Organization"],
  ["NSA", "National Security Agency"],
  ["IAEA", "International Atomic Energy Agency"],
]);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Capitalised words (and connectors between them) right before `at` on the same line. */
function wordsBefore(text: string, at: number): Word[] {
  const line = text.slice(Math.max(0, text.lastIndexOf("\n", at - 1) + 1, at - 120), at);
  const offset = at - line.length;
  const words = [...line.matchAll(/[\p{L}\p{M}'’.&-]+/gu)].map((match) => ({
    text: match[0],
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
  const tail = line.slice(words[words.length - 1]?.end !== undefined ? words[words.length - 1]!.end - offset : 0);
  if (!/^\s*$/.test(tail)) return [];
  let first = words.length;
  while (first > 0) {
    const word = words[first - 1]!.text;
    if (!/^\p{Lu}/u.test(word) && !(CONNECTORS.has(word) && first < words.length)) break;
    first--;
  }
  while (first < words.length && CONNECTORS.has(words[first]!.text)) first++;
  return words.slice(first);
}

/** The shortest tail of `words` whose initials spell `acronym` (connectors may be skipped). */
function expansion(words: readonly Word[], acronym: string): Word[] | undefined {
  const letters = acronym.replace(/[^\p{Lu}]/gu, "");
  for (let first = words.length - 1; first >= 0; first--) {
    const initials = words
      .slice(first)
      .filter((word) => !CONNECTORS.has(word.text))
      .map((word) => word.text[0]!.toUpperCase())
      .join("");
    if (initials === letters && !CONNECTORS.has(words[first]!.text)) return words.slice(first);
    if (initials.length > letters.length) return undefined;
  }
  return undefined;
}

function typeOfLongName(name: string): MentionType {
  return lookupPlace(name) ? "place" : "organization";
}

function looksLikePerson(words: readonly Word[]): boolean {
  const texts = words.map((word) => word.text);
  if (texts.some((word) => ORG_HEADS.has(word))) return false;
  return (
    isGivenName(texts[0]!) || isKnownFirstName(texts[0]!) || texts.some((w, i) => isArabicNameMarker(w, texts[i + 1]))
  );
}

function declared(context: MentionContext, match: RegExpMatchArray, out: Mention[], acronyms: Map<string, Mention>) {
  const text = context.document.text;
  const inside = match[1]!.trim();
  const insideStart = match.index! + 1 + match[1]!.indexOf(inside);
  const insideEnd = insideStart + inside.length;
  const before = wordsBefore(text, match.index!);
  if (before.length === 0) return;
  const mention = (start: number, end: number, type: MentionType, extractor: string, aliasOf?: string) =>
    makeMention(context, start, end, {
      type,
      name: normalizeName(text.slice(start, end)),
      extractor,
      confidence: 0.85,
      aliasOf,
    });
  if (ACRONYM.test(inside)) {
    const long = expansion(before, inside);
    if (!long) return;
    const longName = normalizeName(text.slice(long[0]!.start, long[long.length - 1]!.end));
    const type = typeOfLongName(longName);
    out.push(mention(long[0]!.start, long[long.length - 1]!.end, type, "acronym"));
    const alias = mention(insideStart, insideEnd, type, "acronym", longName);
    out.push(alias);
    acronyms.set(inside, alias);
    return;
  }
  const insideWords = inside.split(/\s+/);
  if (insideWords.length > 3 || insideWords.some((word) => !/^\p{Lu}/u.test(word))) return;
  const tail = before.slice(-4);
  const nickname =
    /^(?:Abu|Umm)$/.test(insideWords[0]!) || looksLikePerson(insideWords.map((text) => ({ text, start: 0, end: 0 })));
  if (typeOfLongName(inside) === "place") return;
  if (tail.filter((word) => /^\p{Lu}/u.test(word.text)).length >= 2 && (looksLikePerson(tail) || nickname)) {
    const name = tail.slice(tail.findIndex((word) => /^\p{Lu}/u.test(word.text)));
    const longName = normalizeName(text.slice(name[0]!.start, name[name.length - 1]!.end));
    out.push(mention(name[0]!.start, name[name.length - 1]!.end, "person", "acronym"));
    out.push(mention(insideStart, insideEnd, "person", "acronym", longName));
  } else if (
    ORG_HEADS.has(before[before.length - 1]!.text) &&
    insideWords.length === 1 &&
    !isCommonWord(inside.toLowerCase()) &&
    typeOfLongName(inside) !== "place"
  ) {
    out.push(mention(insideStart, insideEnd, "person", "parenthetical"));
  }
}

export const acronymExtractor: MentionExtractor = {
  name: "acronym",
  extract(context) {
    if (context.caseless) return [];
    const mentions: Mention[] = [];
    const acronyms = new Map<string, Mention>();
    for (const match of matchesInRange(context, PARENTHESIS)) declared(context, match, mentions, acronyms);
    const declaredAt = new Set(mentions.map((mention) => mention.start));
    const text = context.document.text;
    for (const { start, end } of spansAtNameStarts(context, CAPITALS)) {
      if (declaredAt.has(start)) continue;
      const word = text.slice(start, end).replace(/\.$/, "");
      const alias = acronyms.get(word);
      const known = KNOWN_ACRONYMS.get(word);
      if (!alias && !known) continue;
      const aliasOf = alias?.aliasOf ?? (known !== word ? known : undefined);
      mentions.push(
        makeMention(context, start, start + word.length, {
          type: alias?.type ?? "organization",
          name: word,
          extractor: "acronym",
          confidence: alias ? 0.85 : 0.8,
          aliasOf,
        }),
      );
    }
    return mentions;
  },
};

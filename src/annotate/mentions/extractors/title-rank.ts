/**
 * A title or rank before a capitalised name: "Corporal Hasan Sari", "Brigadier General Qasim",
 * "Comrade Amer", "Prime Minister al-Bakr", "Brig. Abdul Karim Qassim", "Iraqi president Abdul
 * Salam Arif". The mention covers title and name; `name` is the name alone, `role` the title.
 */
import { makeMention } from "../context.js";
import { isCommonWord } from "../lexicon/common-words.js";
import { ORG_HEADS, PLACE_SUFFIXES } from "../lexicon/organizations.js";
import { isKnownFirstName } from "../lexicon/person-names.js";
import { LOWER_CASE_TITLES, TITLES, isTitle } from "../lexicon/titles.js";
import { NAME_SEQUENCE, normalizeName, wordsOf } from "../names.js";
import { nameStarts } from "../scan.js";
import type { Mention, MentionExtractor } from "../types.js";

/** "Prime Minister" → "[Pp]rime[ \t]+[Mm]inister": a title capitalised or not, never all caps. */
function titleAlternative(title: string): string {
  return title
    .split(" ")
    .map((word) => {
      const first = word.charAt(0);
      const rest = word.slice(1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return `[${first.toUpperCase()}${first.toLowerCase()}]${rest}`;
    })
    .join("[ \\t]+");
}

const TITLE = `(?:${TITLES.map(titleAlternative).join("|")})\\.?`;
/** A capitalised title (and more titles) then a name, tried where a capitalised word starts. */
const TITLE_RANK = new RegExp(`(${TITLE}(?:[ \\t]+${TITLE})*)[ \\t]+(${NAME_SEQUENCE})`, "uy");
const NAME_AT = new RegExp(NAME_SEQUENCE, "uy");
/** A title in lower case just before a name ("Iraqi president Abdul Salam Arif"). */
const LOWER_TITLE_BEFORE = new RegExp(
  `(?<![\\p{L}])(${[...LOWER_CASE_TITLES].sort((a, b) => b.length - a.length).join("|")})([ \\t]+)$`,
  "u",
);

/** A name that is really the rest of an organization or place ("General Assembly", "Prince Edward Island"). */
function isNotAName(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  if (words.some((word) => ORG_HEADS.has(word)) || PLACE_SUFFIXES.has(last)) return true;
  return words.every((word) => isCommonWord(word.toLowerCase()) || isTitle(word));
}

/** The last word of each lower-case title; the titles are lower-case letters and single spaces. */
const LOWER_TITLE_LAST_WORDS = new Set([...LOWER_CASE_TITLES].map((title) => title.slice(title.lastIndexOf(" ") + 1)));

/**
 * Whether LOWER_TITLE_BEFORE may match text[from, start): the letters a-z before the spaces there
 * must be the last word of a title. Most name starts fail this, and the pattern is not tried.
 */
function mayFollowLowerTitle(text: string, from: number, start: number): boolean {
  let end = start;
  while (end > from && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  if (end === start) return false;
  let begin = end;
  while (begin > from && text.charCodeAt(begin - 1) >= 97 && text.charCodeAt(begin - 1) <= 122) begin--;
  return LOWER_TITLE_LAST_WORDS.has(text.slice(begin, end));
}

const ARTICLE_BEFORE = /(?<![\p{L}])[Tt]he[ \t]+$/u;

/**
 * After "the", a title that is also a common word reads as that word ("The Private Security Events
 * Database", "the General Assembly") unless a given name follows ("the General Secretary Michel Aflaq").
 */
function isWordAfterArticle(text: string, start: number, role: string, words: readonly string[]): boolean {
  if (!ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 5), start))) return false;
  const first = role.split(/\s+/)[0]!.replace(/\.$/, "").toLowerCase();
  return isCommonWord(first) && !words.some(isKnownFirstName);
}

/** The role and name at a name start: a title starting there, or a lower-case title just before it. */
function titleAndName(text: string, start: number): { start: number; role: string; name: string } | undefined {
  TITLE_RANK.lastIndex = start;
  const match = TITLE_RANK.exec(text);
  if (match && isCapitalisedTitle(match[1]!)) return { start, role: match[1]!, name: match[2]! };
  const from = Math.max(0, start - 30);
  const before = mayFollowLowerTitle(text, from, start) ? LOWER_TITLE_BEFORE.exec(text.slice(from, start)) : null;
  if (!before) return undefined;
  NAME_AT.lastIndex = start;
  const name = NAME_AT.exec(text);
  return name ? { start: start - before[1]!.length - before[2]!.length, role: before[1]!, name: name[0] } : undefined;
}

export const titleRankExtractor: MentionExtractor = {
  name: "title-rank",
  extract(context) {
    if (context.caseless) return [];
    const text = context.document.text;
    const mentions: Mention[] = [];
    let covered = -1;
    for (const at of nameStarts(context)) {
      if (at < covered) continue;
      const found = titleAndName(text, at);
      if (!found) continue;
      const end = at + (found.start === at ? found.role.length : 0);
      const nameStart = text.indexOf(found.name, end);
      const nameEnd = nameStart + found.name.length;
      covered = nameEnd;
      const words = wordsOf(found.name);
      if (isNotAName(words) || isWordAfterArticle(text, found.start, found.role, words)) continue;
      mentions.push(
        makeMention(context, found.start, nameEnd, {
          type: "person",
          name: normalizeName(found.name),
          role: found.role.replace(/\s+/g, " "),
          extractor: "title-rank",
          confidence: 0.9,
        }),
      );
    }
    return mentions;
  },
};

function isCapitalisedTitle(title: string): boolean {
  return title.split(" ").every((word) => /^\p{Lu}/u.test(word));
}

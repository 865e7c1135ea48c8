/**
 * Boundary cleanup of person, organization and place mentions: a leading article or sentence-initial
 * stop word goes ("The Iraqi Army" → "Iraqi Army", "However Qasim" → "Qasim"), so do trailing
 * punctuation and a possessive ("Qasim's" → "Qasim"). Mentions left with nothing but common words
 * (a person named "However" or "The") are dropped.
 */
import { isCommonWord, isStopWord } from "../lexicon/common-words.js";
import { makeMention } from "../context.js";
import { ORG_HEADS } from "../lexicon/organizations.js";
import { normalizeName } from "../names.js";
import type { Mention, MentionContext, MentionRefiner } from "../types.js";

const ENTITY_TYPES = new Set(["person", "organization", "place"]);
/** Extractors whose names stand even when they are common words ("Reading" the town, "Amer"). */
const SURE = new Set(["markup", "infobox", "title-rank", "gazetteer"]);
const LEADING_WORD = /^([\p{L}'’]+)[\s,]+/u;
const TRAILING = /(?:['’]s|['’]|[\s,;:.!?)"”(\-–])+$/u;

function trimmed(context: MentionContext, mention: Mention): Mention | undefined {
  let { start, end } = mention;
  const text = context.document.text;
  if (mention.role === undefined) {
    for (;;) {
      const space = text.indexOf(" ", start);
      if (space < 0 || space >= end || !isStopWord(text.slice(start, space).replace(/,$/, "").toLowerCase())) break;
      const leading = LEADING_WORD.exec(text.slice(start, end));
      if (!leading || !isStopWord(leading[1]!.toLowerCase())) break;
      start += leading[0].length;
    }
  }
  const last = text.charCodeAt(end - 1);
  const beforeLast = text.charCodeAt(end - 2);
  const letter = (last >= 97 && last <= 122) || (last >= 65 && last <= 90);
  const plainEnd = letter && beforeLast !== 39 && beforeLast !== 0x2019;
  const tail = plainEnd ? null : TRAILING.exec(text.slice(start, end));
  if (tail && !/\b\p{Lu}\.$/u.test(text.slice(start, end))) end -= tail[0].length;
  if (end <= start) return undefined;
  if (start === mention.start && end === mention.end) return mention;
  const oldName = normalizeName(mention.text);
  const name = mention.name === oldName ? normalizeName(text.slice(start, end)) : mention.name;
  return {
    ...makeMention(context, start, end, { ...mention, name }),
    ...(mention.role !== undefined ? { role: mention.role } : {}),
  };
}

function onlyCommonWords(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => /\p{L}/u.test(word));
  return words.length === 0 || words.every((word) => isStopWord(word) || isCommonWord(word.replace(/['’]/g, "")));
}

export const boundariesRefiner: MentionRefiner = {
  name: "boundaries",
  refine(context, mentions) {
    const out: Mention[] = [];
    for (const mention of mentions) {
      if (!ENTITY_TYPES.has(mention.type)) {
        out.push(mention);
        continue;
      }
      const refined = trimmed(context, mention);
      if (!refined || !/\p{L}/u.test(refined.text)) continue;
      if (refined.type === "organization" && ORG_HEADS.has(refined.name)) continue;
      if (!SURE.has(refined.extractor) && onlyCommonWords(refined.name)) {
        if (refined.type === "person" || (refined.extractor === "model" && !refined.name.includes(" "))) continue;
      }
      out.push(refined);
    }
    return out;
  },
};

/**
 * Places by their head word, in cased text: "Camp Rashid", "Fort Knox", "Mount Hermon" (prefix),
 * "Presidential Palace", "Tahrir Square", "Euphrates River", "Abu Ghraib Prison" (suffix).
 */
import { makeMention } from "../context.js";
import { isStopWord } from "../lexicon/common-words.js";
import { PLACE_PREFIXES, PLACE_SUFFIXES } from "../lexicon/organizations.js";
import { NAME_WORD, blankSeparatedWords, normalizeName } from "../names.js";
import { spansAtNameStarts } from "../scan.js";
import type { Mention, MentionContext, MentionExtractor } from "../types.js";

const RUN = new RegExp(`(?<![\\p{L}\\p{N}'’-])${NAME_WORD}(?:[ \\t]+(?:(?:of|al|el|de)[ \\t]+)?${NAME_WORD})*`, "uy");

function place(context: MentionContext, start: number, end: number): Mention {
  return makeMention(context, start, end, {
    type: "place",
    name: normalizeName(context.document.text.slice(start, end)),
    extractor: "place-head",
    confidence: 0.75,
  });
}

export const placeHeadExtractor: MentionExtractor = {
  name: "place-head",
  extract(context) {
    if (context.caseless) return [];
    const mentions: Mention[] = [];
    const text = context.document.text;
    for (const run of spansAtNameStarts(context, RUN)) {
      const words = blankSeparatedWords(text, run.start, run.end);
      while (words.length > 1 && isStopWord(words[0]!.text.toLowerCase())) words.shift();
      if (words.length < 2) continue;
      const first = words[0]!;
      const last = words[words.length - 1]!;
      if (PLACE_SUFFIXES.has(last.text) && !PLACE_SUFFIXES.has(first.text)) {
        mentions.push(place(context, first.start, last.end));
      } else if (PLACE_PREFIXES.has(first.text) && !PLACE_SUFFIXES.has(words[1]!.text)) {
        mentions.push(place(context, first.start, words[Math.min(words.length, 3) - 1]!.end));
      }
    }
    return mentions;
  },
};

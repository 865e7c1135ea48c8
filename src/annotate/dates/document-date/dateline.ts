import type { DocumentDateExtractor } from "./types.js";
import { HEAD_LENGTH, foundAt, hasExplicitYear } from "./types.js";

const PLACE_WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
/**
 * A place at the start of a line or a sentence, then a comma: "Washington, ", "Tel Aviv, ", "BAGHDAD, ".
 * A sentence starts after a full stop, a colon, a semicolon or a closing bracket.
 */
const PLACE_BEFORE = new RegExp(
  String.raw`(?:^|\n|[.:;)\]]\s+)[ \t*_]*(${PLACE_WORD}(?:[ \t]+${PLACE_WORD}){0,3}),[ \t]*$`,
  "u",
);
/** After the date: a time of day ("8:12 p.m.", "noon"), then the end of the line or sentence. */
const AFTER_DATE = /^(?:,?[ \t]*(?:\d{1,2}(?:[:.]\d{2})?[ \t]*[ap]\.?[ \t]?m\.?|noon|midnight))?[ \t*_]*(?:[.\n]|$)/i;
const NOT_A_PLACE =
  /^(?:on|in|at|by|since|until|from|of|and|the|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|dated?|received|sent)$/i;

/** "Washington, August 4, 1958, 8:12 p.m.", "BAGHDAD, July 15, 1958", "London, 3 March 1963." */
export const datelineExtractor: DocumentDateExtractor = {
  name: "dateline",
  find({ text }, dates) {
    const head = text.slice(0, HEAD_LENGTH);
    for (const mention of dates(head)) {
      if (mention.precision !== "day" || !hasExplicitYear(mention)) continue;
      const place = PLACE_BEFORE.exec(head.slice(Math.max(0, mention.start - 60), mention.start))?.[1];
      if (!place || place.split(/\s+/).some((word) => NOT_A_PLACE.test(word))) continue;
      if (AFTER_DATE.test(head.slice(mention.end, mention.end + 40))) return foundAt(mention, 0, "dateline");
    }
    return undefined;
  },
};

/**
 * Numbers that number a document or a part of one are not years: "telegrams 1753 and 1754", "Deptel 1234",
 * "No. 1958", "paragraph 1960", "despatches 1810, 1811 and 1812", a cable's own number after its dateline
 * ("Baghdad, July 14, 1958, 11 p.m. 1753. Following is …"), ordinals ("383d Meeting", "the 1958th meeting").
 * A date after them ("telegrams 1753 and 1754, December 3") is still a date, and takes its year elsewhere.
 */
import type { ParagraphRefiner } from "../types.js";

const REFERENCE_WORDS = [
  "telegrams?",
  "tels?",
  "deptels?",
  "embtels?",
  "urtels?",
  "mytels?",
  "reftels?",
  "niacts?",
  "cables?",
  "despatch(?:es)?",
  "dispatch(?:es)?",
  "airgrams?",
  "messages?",
  "msgs?",
  "memos?",
  "paragraphs?",
  "paras?",
  "nos?",
  "numbers?",
  "nrs?",
  "documents?",
  "docs?",
  "files?",
  "resolutions?",
  "circulars?",
  "instructions?",
  "serials?",
  "sections?",
  "annex(?:es)?",
  "enclosures?",
  "pages?",
  "pp?",
].join("|");

/** A reference word, then maybe earlier numbers of the same list: "telegrams 1753 and ", "Nos. 12, 14 and ". */
const AFTER_REFERENCE_WORD = new RegExp(
  String.raw`\b(?:${REFERENCE_WORDS})\.?[ \t]*[:#]?[ \t]*(?:\d{1,5}[a-z]?[ \t]*(?:,|and|or|&)[ \t]*)*$`,
  "i",
);
/** A cable's number, right after the time of its dateline and before a full stop: "11 p.m. 1753. Following". */
const AFTER_DATELINE_TIME = /(?:\d[ \t]*[ap]\.?[ \t]?m\.?|noon|midnight)[ \t]+$/i;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|d)\b/i;

/** Whether the number at [start, end) of `text` numbers a document, a paragraph or a meeting. */
export function isReferenceNumber(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (AFTER_REFERENCE_WORD.test(before) || ORDINAL_SUFFIX.test(text.slice(end, end + 3))) return true;
  return AFTER_DATELINE_TIME.test(before) && /^\.\s/.test(text.slice(end, end + 2));
}

const LEADING_NUMBER = /^\d+/;

/** Drops the dates that start with such a number: "1754" in "telegrams 1753 and 1754", "1753–1754". */
export const referenceNumberFilter: ParagraphRefiner = {
  name: "reference-numbers",
  refine(paragraph, candidates) {
    return candidates.filter((found) => {
      const number = LEADING_NUMBER.exec(paragraph.text.slice(found.start, found.end))?.[0];
      return number === undefined || !isReferenceNumber(paragraph.text, found.start, found.start + number.length);
    });
  },
};

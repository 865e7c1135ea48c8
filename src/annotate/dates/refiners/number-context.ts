import { isPlausibleYear } from "../calendar.js";
import type { Candidate, DateSpec, ParagraphRefiner } from "../types.js";
import { isGluedToNumber } from "../year-context.js";

/** Drops dates inside larger number expressions ("1/23/63-12/5/63", "288.f.32/1958") and implausible years. */
export const numberContextFilter: ParagraphRefiner = {
  name: "number-context",
  refine(paragraph, candidates) {
    return candidates.filter((found) => {
      if (found.daysAfterPrevious !== undefined) return true;
      if (!hasPlausibleYears(found.from) || !hasPlausibleYears(found.to)) return false;
      return !isGluedToNumber(paragraph.text, found.start, found.end);
    });
  },
};

function hasPlausibleYears(spec: DateSpec | undefined): boolean {
  return spec?.year === undefined || isPlausibleYear(spec.year);
}

/** Prepositions and neighbours that make a month name on its own a date: "in February", "between February and". */
const MONTH_ALONE_BEFORE =
  /\b(?:in|since|until|till|by|during|from|to|through|between|of|early|late|mid|last|next|this|that|each|every|the\s+end\s+of|the\s+beginning\s+of)[\s-]+$/i;
const MONTH_ALONE_AFTER = /^\s*(?:and|or|to|until|through|[-–])\s+[a-z]/i;
const AMBIGUOUS_MONTHS = /^(?:may|march|august)$/;

/** chrono reads any month name as a date; alone it is one only after words like "in" ("in march" stays a verb). */
export const loneMonthFilter: ParagraphRefiner = {
  name: "lone-month",
  refine(paragraph, candidates) {
    return candidates.filter((found) => !isLoneMonthWord(paragraph.text, found));
  },
};

function isLoneMonthWord(text: string, found: Candidate): boolean {
  if (found.extractor !== "chrono" || found.to || found.from?.unit !== "month" || found.from.year !== undefined) {
    return false;
  }
  const word = text.slice(found.start, found.end);
  if (!/^\p{L}+\.?$/u.test(word)) return false;
  if (AMBIGUOUS_MONTHS.test(word)) return true;
  const before = text.slice(Math.max(0, found.start - 24), found.start);
  const after = text.slice(found.end, found.end + 16);
  return !MONTH_ALONE_BEFORE.test(before) && !MONTH_ALONE_AFTER.test(after);
}

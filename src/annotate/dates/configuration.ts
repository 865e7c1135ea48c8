import { bareYearParser, yearRangeParser } from "./parsers/bare-years.js";
import { chronoParser } from "./parsers/chrono.js";
import { dayListParser } from "./parsers/day-lists.js";
import { decadeParser } from "./parsers/decades.js";
import { namedEventParser } from "./parsers/named-events.js";
import { relativeParser } from "./parsers/relative.js";
import { seasonParser } from "./parsers/seasons.js";
import { yearPartParser } from "./parsers/year-parts.js";
import { loneMonthFilter, numberContextFilter } from "./refiners/number-context.js";
import { overlapRemoval } from "./refiners/overlaps.js";
import { referenceNumberFilter } from "./refiners/reference-numbers.js";
import { rangeRefiner } from "./refiners/ranges.js";
import { twoDigitYearRefiner } from "./refiners/two-digit-years.js";
import type { DateParser, ParagraphRefiner } from "./types.js";

/**
 * Like chrono's own configuration: parsers run on each paragraph and every result is tagged with its parser;
 * then the paragraph refiners run in order. When two results overlap with the same length and precision,
 * the earlier parser wins. The document refiner (refiners/resolve-years.ts) runs last, over all paragraphs.
 */
export const PARSERS: readonly DateParser[] = [
  chronoParser,
  namedEventParser,
  seasonParser,
  yearPartParser,
  decadeParser,
  yearRangeParser,
  dayListParser,
  relativeParser,
  bareYearParser,
];

export const PARAGRAPH_REFINERS: readonly ParagraphRefiner[] = [
  numberContextFilter,
  referenceNumberFilter,
  loneMonthFilter,
  overlapRemoval,
  twoDigitYearRefiner,
  rangeRefiner,
];

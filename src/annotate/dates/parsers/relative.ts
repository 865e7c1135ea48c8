import { addDays, daySpec, weekdayOf } from "../calendar.js";
import { candidate, scan } from "../span.js";
import type { Candidate, DateParser, DateSpec, Paragraph, YearMonthDay } from "../types.js";
import { MONTH_PATTERN, SMALL_NUMBER_PATTERN, monthNumber, smallNumber } from "../words.js";

/**
 * Relative dates. Two anchors:
 * - the previous day-precision mention ("The next day", "two days later"): emitted with `daysAfterPrevious`
 *   and resolved by the document refiner;
 * - the document date ("yesterday", "this week", "three days ago"): resolved here, only when the document date
 *   is known to the day.
 */
const NEXT_OR_PREVIOUS =
  /\b(?:the\s+)?(next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night)\b/gi;
const DAY_BEFORE_OR_AFTER = /\bthe\s+day\s+(before|after)(?=\s*[,.;:])/gi;
const SAME_DAY = /\b(?:(?:that|the)\s+same\s+day|that\s+day)\b/gi;
const UNITS_LATER = new RegExp(
  `\\b(${SMALL_NUMBER_PATTERN})\\s+(days?|weeks?)\\s+(later|afterwards?|earlier)\\b`,
  "gi",
);

const DAY_WORDS =
  /\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b/gi;
const THIS_LAST_NEXT =
  /\b(?:(this|last|next|past)\s+(week|month|year)|(?:over\s+)?(this\s+past|this|last|past|the)\s+weekend)\b/gi;
const UNITS_AGO = new RegExp(`\\b(${SMALL_NUMBER_PATTERN})\\s+(days?|weeks?|months?|years?)\\s+ago\\b`, "gi");

function anchored(paragraph: Paragraph, match: RegExpExecArray, days: number, confidence: number): Candidate {
  return {
    start: match.index,
    end: match.index + match[0].length,
    extractor: "relative",
    confidence,
    daysAfterPrevious: days,
    setsContextYear: false,
    paragraph: paragraph.index,
  };
}

function daysOfDayWord(words: string): number {
  const lower = words.toLowerCase();
  if (lower.startsWith("the day before")) return -2;
  if (lower === "yesterday" || lower.startsWith("last")) return -1;
  return lower === "tomorrow" ? 1 : 0;
}

function mondayOf(date: YearMonthDay): YearMonthDay {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function referencePeriod(modifier: string, unit: string, reference: YearMonthDay): { from: DateSpec; to?: DateSpec } {
  const step = modifier === "last" ? -1 : modifier === "next" ? 1 : 0;
  if (unit === "weekend") {
    // The latest weekend on or before the reference day; "last weekend" said during a weekend is the one before.
    const sinceSaturday = (weekdayOf(reference) + 1) % 7;
    const duringWeekend = sinceSaturday <= 1;
    const saturday = addDays(reference, -sinceSaturday - (modifier === "last" && duringWeekend ? 7 : 0));
    return { from: daySpec(saturday), to: daySpec(addDays(saturday, 1)) };
  }
  if (unit === "week") {
    if (modifier === "past") return { from: daySpec(addDays(reference, -7)), to: daySpec(addDays(reference, -1)) };
    const monday = addDays(mondayOf(reference), 7 * step);
    return { from: daySpec(monday), to: daySpec(addDays(monday, 6)) };
  }
  if (unit === "month") {
    const index = reference.year * 12 + reference.month - 1 + (modifier === "past" ? -1 : step);
    return { from: { unit: "month", year: Math.floor(index / 12), month: (index % 12) + 1 } };
  }
  return { from: { unit: "year", year: reference.year + (modifier === "past" ? -1 : step) } };
}

function ago(count: number, unit: string, reference: YearMonthDay): DateSpec {
  if (unit.startsWith("day")) return daySpec(addDays(reference, -count));
  if (unit.startsWith("week")) return daySpec(addDays(reference, -7 * count));
  if (unit.startsWith("month")) {
    const index = reference.year * 12 + reference.month - 1 - count;
    return { unit: "month", year: Math.floor(index / 12), month: (index % 12) + 1 };
  }
  return { unit: "year", year: reference.year - count };
}

function fromReference(paragraph: Paragraph, reference: YearMonthDay): Candidate[] {
  const relative = (match: RegExpExecArray, from: DateSpec, confidence: number, to?: DateSpec): Candidate =>
    candidate(paragraph, match.index, match.index + match[0].length, "relative", confidence, from, {
      setsContextYear: false,
      ...(to ? { to } : {}),
    });
  return [
    ...scan(DAY_WORDS, paragraph, (match) =>
      relative(match, daySpec(addDays(reference, daysOfDayWord(match[0]))), 0.8),
    ),
    ...scan(THIS_LAST_NEXT, paragraph, (match) => {
      const modifier = (match[1] ?? match[3] ?? "this").toLowerCase();
      const unit = (match[2] ?? "weekend").toLowerCase();
      const period = referencePeriod(modifier, unit, reference);
      return relative(match, period.from, 0.7, period.to);
    }),
    ...scan(UNITS_AGO, paragraph, (match) => {
      const count = smallNumber(match[1] ?? "");
      if (count === undefined) return undefined;
      const unit = (match[2] ?? "").toLowerCase();
      return relative(match, ago(count, unit, reference), unit.startsWith("day") ? 0.75 : 0.6);
    }),
  ];
}

const NAMED_MONTH = new RegExp(`\\b(last|next|this)\\s+(${MONTH_PATTERN})(?![\\w.]|\\s*\\d)`, "gi");

/** "last June" in a speech of September 1966 is June 1966; "last December" is December 1965. */
function namedMonth(paragraph: Paragraph, reference: { year: number; month: number }): Candidate[] {
  return scan(NAMED_MONTH, paragraph, (match) => {
    const month = monthNumber(match[2] ?? "");
    if (month === undefined || /^(?:may|march)$/.test(match[2] ?? "")) return undefined;
    const modifier = (match[1] ?? "").toLowerCase();
    let year = reference.year;
    if (modifier === "last" && month >= reference.month) year--;
    if (modifier === "next" && month <= reference.month) year++;
    const end = match.index + match[0].length;
    return candidate(
      paragraph,
      match.index,
      end,
      "relative",
      0.7,
      { unit: "month", year, month },
      { setsContextYear: false },
    );
  });
}

export const relativeParser: DateParser = {
  name: "relative",
  parse(paragraph, setup) {
    const found: Candidate[] = [
      ...scan(NEXT_OR_PREVIOUS, paragraph, (match) => {
        const forward = /next|following/i.test(match[1] ?? "");
        return anchored(paragraph, match, forward ? 1 : -1, 0.75);
      }),
      ...scan(DAY_BEFORE_OR_AFTER, paragraph, (match) =>
        anchored(paragraph, match, (match[1] ?? "").toLowerCase() === "after" ? 1 : -1, 0.7),
      ),
      ...scan(SAME_DAY, paragraph, (match) => anchored(paragraph, match, 0, 0.6)),
      ...scan(UNITS_LATER, paragraph, (match) => {
        const count = smallNumber(match[1] ?? "");
        if (count === undefined) return undefined;
        const days = count * ((match[2] ?? "").toLowerCase().startsWith("week") ? 7 : 1);
        return anchored(paragraph, match, /earlier/i.test(match[3] ?? "") ? -days : days, 0.6);
      }),
    ];
    if (setup.referenceDay) found.push(...fromReference(paragraph, setup.referenceDay));
    if (setup.referenceYear !== undefined && setup.referenceMonth !== undefined) {
      found.push(...namedMonth(paragraph, { year: setup.referenceYear, month: setup.referenceMonth }));
    }
    return found;
  },
};

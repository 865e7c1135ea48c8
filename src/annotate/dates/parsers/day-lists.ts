import { candidate, scan } from "../span.js";
import type { Candidate, DateParser, DateSpec, Paragraph } from "../types.js";
import { MONTH_PATTERN, YEAR_PATTERN, monthNumber } from "../words.js";

/**
 * Days of a list that shares one month and year: "13 and 14 July 1958" → 13 July 1958 (chrono reads the last
 * item), "July 13 and 14, 1958" → 13 and 14 July 1958 (chrono reads the first without its year).
 */
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
const SEPARATOR = "(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+|\\s*&\\s*)";
const DAYS_BEFORE_MONTH = new RegExp(
  `(?<![\\d.,/:–-])\\b((?:${DAY}${SEPARATOR})+)${DAY}\\s+(${MONTH_PATTERN})(?:,?\\s+(${YEAR_PATTERN}))?`,
  "gi",
);
const DAYS_AFTER_MONTH = new RegExp(
  `\\b(${MONTH_PATTERN})\\s+${DAY}((?:${SEPARATOR}${DAY})+)(?![\\d:])(?:,?\\s+(${YEAR_PATTERN}))?`,
  "gi",
);
const DAY_NUMBER = /\d{1,2}/g;

function daysIn(
  paragraph: Paragraph,
  listStart: number,
  list: string,
  month: number | undefined,
  yearText: string | undefined,
): Candidate[] {
  if (month === undefined) return [];
  const found: Candidate[] = [];
  for (const day of list.matchAll(DAY_NUMBER)) {
    const start = listStart + (day.index ?? 0);
    const spec: DateSpec = { unit: "day", month, day: Number(day[0]) };
    if (yearText !== undefined) spec.year = Number(yearText);
    found.push(candidate(paragraph, start, start + day[0].length, "day-list", 0.8, spec));
  }
  return found;
}

export const dayListParser: DateParser = {
  name: "day-list",
  applies: (paragraph) => /\d\s*(?:,|and|&|or)\s*\d/i.test(paragraph.text),
  parse(paragraph) {
    return [
      ...scan(DAYS_BEFORE_MONTH, paragraph, (match) =>
        daysIn(paragraph, match.index, match[1] ?? "", monthNumber(match[2] ?? ""), match[3]),
      ),
      ...scan(DAYS_AFTER_MONTH, paragraph, (match) => {
        const monthWord = match[1] ?? "";
        const month = monthNumber(monthWord);
        const list = match[2] ?? "";
        const listStart = match.index + match[0].indexOf(list, monthWord.length);
        const days = daysIn(paragraph, listStart, list, month, match[3]);
        const head = daysIn(
          paragraph,
          match.index + monthWord.length,
          paragraph.text.slice(match.index + monthWord.length, listStart),
          month,
          match[3],
        );
        const last = days[days.length - 1];
        // The year closes the list: "July 13 and 14, 1958" gives "July 13" and "14, 1958".
        if (last && match[3] !== undefined) last.end = match.index + match[0].length;
        return head.map((first) => ({ ...first, start: match.index })).concat(days);
      }),
    ];
  },
};

import { isValidDay } from "../calendar.js";
import { candidate, scan } from "../span.js";
import type { Candidate, DateParser, DateSpec, Paragraph } from "../types.js";
import { MONTH_PATTERN, YEAR_PATTERN, monthNumber } from "../words.js";

/**
 * Events named after their day: "the 17 July Revolution in 1968", "14 July Revolution", "3 july uprising".
 * The year comes from an explicit "in 1968", else from this small table of well-known names, else from context.
 */
const WELL_KNOWN: Record<string, number> = {
  "14-7-revolution": 1958, // Iraq
  "17-7-revolution": 1968, // Iraq
  "8-3-revolution": 1963, // Syria
  "23-7-revolution": 1952, // Egypt
};
const RAMADAN_REVOLUTION: DateSpec = { unit: "day", year: 1963, month: 2, day: 8 }; // Iraq

const EVENT_NOUN =
  "(revolution|coup(?:\\s+d['’]\\s?[ée]tat)?|uprising|revolt|rebellion|movement|intifada|massacre|incident|crisis|agreement|accord|declaration|protests?|offensive)";
const YEAR_SUFFIX = `(?:\\s+(?:in|of)\\s+(${YEAR_PATTERN}))?`;
const DAY_MONTH_EVENT = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\s+${EVENT_NOUN}\\b${YEAR_SUFFIX}`,
  "gi",
);
const MONTH_DAY_EVENT = new RegExp(
  `\\b(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+${EVENT_NOUN}\\b${YEAR_SUFFIX}`,
  "gi",
);
const RAMADAN = /\bramadan\s+revolution\b/gi;

function eventNoun(word: string): string {
  return word.toLowerCase().startsWith("coup") ? "coup" : word.toLowerCase();
}

function named(
  paragraph: Paragraph,
  match: RegExpExecArray,
  day: number,
  month: number | undefined,
  noun: string,
  yearText: string | undefined,
): Candidate | undefined {
  if (month === undefined || !isValidDay(2000, month, day)) return undefined;
  const end = match.index + match[0].length;
  const spec: DateSpec = { unit: "day", month, day };
  if (yearText !== undefined) {
    return candidate(paragraph, match.index, end, "named-event", 0.95, { ...spec, year: Number(yearText) });
  }
  const known = WELL_KNOWN[`${day}-${month}-${eventNoun(noun)}`];
  if (known !== undefined) {
    return candidate(
      paragraph,
      match.index,
      end,
      "named-event",
      0.9,
      { ...spec, year: known },
      { setsContextYear: false },
    );
  }
  return candidate(paragraph, match.index, end, "named-event", 0.7, spec);
}

export const namedEventParser: DateParser = {
  name: "named-event",
  applies: (paragraph) => /\d|ramadan/i.test(paragraph.text),
  parse(paragraph) {
    return [
      ...scan(DAY_MONTH_EVENT, paragraph, (match) =>
        named(paragraph, match, Number(match[1]), monthNumber(match[2] ?? ""), match[3] ?? "", match[4]),
      ),
      ...scan(MONTH_DAY_EVENT, paragraph, (match) =>
        named(paragraph, match, Number(match[2]), monthNumber(match[1] ?? ""), match[3] ?? "", match[4]),
      ),
      ...scan(RAMADAN, paragraph, (match) =>
        candidate(paragraph, match.index, match.index + match[0].length, "named-event", 0.9, RAMADAN_REVOLUTION, {
          setsContextYear: false,
        }),
      ),
    ];
  },
};

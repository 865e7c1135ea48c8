import { candidate, scan } from "../span.js";
import type { Candidate, DateParser } from "../types.js";

/**
 * Decades and centuries: "the 1960s", "the 1960's", "the early 1950s" (value "1960s"); "the sixties" and "the '60s"
 * take their century from the context year; "the 20th century", "the twentieth century" (value "19XX", 1900–1999).
 */
const DECADE = /\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(1\d{2}0|20\d0)['’]?s\b/gi;
const SHORT_DECADE =
  /\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?:['’](\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi;
const CENTURY =
  /\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(1[0-9]|2[01]|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)(?:st|nd|rd|th)?[\s-]+century\b/gi;

const DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
const CENTURY_WORDS = [
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
];

function centuryNumber(word: string): number {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower.startsWith("twenty")) return 21;
  return CENTURY_WORDS.indexOf(lower) + 11;
}

export const decadeParser: DateParser = {
  name: "decade",
  applies: (paragraph) => /\d0['’]?s\b|ties\b|century/i.test(paragraph.text),
  parse(paragraph) {
    const found: Candidate[] = [
      ...scan(DECADE, paragraph, (match) =>
        candidate(paragraph, match.index, match.index + match[0].length, "decade", 0.9, {
          unit: "decade",
          year: Number(match[1]),
        }),
      ),
      ...scan(SHORT_DECADE, paragraph, (match) => {
        const tens =
          match[1] !== undefined ? Number(match[1]) : DECADE_WORDS.indexOf((match[2] ?? "").toLowerCase()) + 2;
        // The year is implied: the resolver adds the context year's century to `part`.
        return candidate(paragraph, match.index, match.index + match[0].length, "decade", 0.7, {
          unit: "decade",
          part: tens * 10,
        });
      }),
      ...scan(CENTURY, paragraph, (match) =>
        candidate(paragraph, match.index, match.index + match[0].length, "century", 0.9, {
          unit: "century",
          year: (centuryNumber(match[1] ?? "") - 1) * 100,
        }),
      ),
    ];
    return found;
  },
};

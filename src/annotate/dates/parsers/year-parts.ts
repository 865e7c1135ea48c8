import { candidate, scan } from "../span.js";
import type { Candidate, DateParser, DateSpec, Paragraph } from "../types.js";
import { YEAR_PATTERN } from "../words.js";

/**
 * Parts of a year:
 * - "the second half of 1956" → 1956-H2 (extractor "half-year");
 * - "the first quarter of 1957", "Q1 1957" → 1957-Q1 ("quarter");
 * - "the beginning of 1957" → 1957-Q1, "the end of 1956" → 1956-Q4 ("year-part");
 * - "early 1963" → 1963-H1, "late 1958" → 1958-H2 ("year-part"): vaguer than beginning/end, so wider;
 * - "mid-1963", "the middle of 1963" → the range 1963-Q2/1963-Q3 ("year-part").
 */
const OF_YEAR = `\\s+of\\s+(?:the\\s+year\\s+)?(${YEAR_PATTERN})`;
const HALF = new RegExp(`\\b(?:the\\s+)?(first|second|1st|2nd|latter|last|final)\\s+half${OF_YEAR}`, "gi");
const QUARTER = new RegExp(
  `\\b(?:the\\s+)?(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\\s+quarter${OF_YEAR}`,
  "gi",
);
const Q_QUARTER = new RegExp(`\\bQ([1-4])(?:\\s+|\\s*-\\s*)(${YEAR_PATTERN})`, "g");
const EDGE = new RegExp(`\\b(?:the\\s+)?(?:very\\s+)?(beginning|start|outset|end|close|middle)${OF_YEAR}`, "gi");
const EARLY_LATE = new RegExp(`\\b(early|late|mid)(?:\\s*-\\s*|\\s+)(${YEAR_PATTERN})`, "gi");

const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

function ordinal(word: string, last: number): number {
  return ORDINALS[word.toLowerCase()] ?? last;
}

function middleOf(paragraph: Paragraph, match: RegExpExecArray, year: number): Candidate {
  const end = match.index + match[0].length;
  const to: DateSpec = { unit: "quarter", year, part: 3 };
  return candidate(paragraph, match.index, end, "year-part", 0.7, { unit: "quarter", year, part: 2 }, { to });
}

function partOf(
  paragraph: Paragraph,
  match: RegExpExecArray,
  extractor: string,
  confidence: number,
  spec: DateSpec,
): Candidate {
  return candidate(paragraph, match.index, match.index + match[0].length, extractor, confidence, spec);
}

export const yearPartParser: DateParser = {
  name: "year-part",
  applies: (paragraph) => /\d{4}/.test(paragraph.text),
  parse(paragraph) {
    return [
      ...scan(HALF, paragraph, (match) => {
        const part = ordinal(match[1] ?? "", 2);
        return partOf(paragraph, match, "half-year", 0.9, { unit: "half", year: Number(match[2]), part });
      }),
      ...scan(QUARTER, paragraph, (match) => {
        const part = ordinal(match[1] ?? "", 4);
        return partOf(paragraph, match, "quarter", 0.9, { unit: "quarter", year: Number(match[2]), part });
      }),
      ...scan(Q_QUARTER, paragraph, (match) =>
        partOf(paragraph, match, "quarter", 0.85, { unit: "quarter", year: Number(match[2]), part: Number(match[1]) }),
      ),
      ...scan(EDGE, paragraph, (match) => {
        const edge = (match[1] ?? "").toLowerCase();
        const year = Number(match[2]);
        if (edge === "middle") return middleOf(paragraph, match, year);
        const part = edge === "end" || edge === "close" ? 4 : 1;
        return partOf(paragraph, match, "year-part", 0.8, { unit: "quarter", year, part });
      }),
      ...scan(EARLY_LATE, paragraph, (match) => {
        const word = (match[1] ?? "").toLowerCase();
        const year = Number(match[2]);
        if (word === "mid") return middleOf(paragraph, match, year);
        return partOf(paragraph, match, "year-part", 0.75, { unit: "half", year, part: word === "early" ? 1 : 2 });
      }),
    ];
  },
};

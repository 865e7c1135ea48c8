import { isPlausibleYear } from "../calendar.js";
import { candidate, scan } from "../span.js";
import type { DateParser } from "../types.js";
import { YEAR_PATTERN } from "../words.js";
import { isGluedToNumber, readsAsCountOrReference, yearEvidence } from "../year-context.js";

/** Years below this need a word like "in" or "since" before them; a bare "1200" is more often a count. */
const EARLIEST_BARE_YEAR = 1500;

const BARE_YEAR = /(?<![\p{L}\d])(1\d{3}|20\d{2}|2100)(?![\p{L}\d])/gu;

/** "1958–1963", "1958-63", "from 1958 to 1963", "between 1958 and 1963". */
const YEAR_RANGE = new RegExp(
  `(?<![\\p{L}\\d])(?:(from|between)\\s+)?(${YEAR_PATTERN})\\s*(–|—|-|to|until|till|through|and)\\s*(\\d{4}|\\d{2})(?![\\p{L}\\d])`,
  "giu",
);

function isDecade(text: string, end: number, year: number): boolean {
  return year % 10 === 0 && /^['’]?s\b/.test(text.slice(end, end + 3));
}

export const bareYearParser: DateParser = {
  name: "bare-year",
  applies: (paragraph) => /\d{4}/.test(paragraph.text),
  parse(paragraph) {
    const { text } = paragraph;
    return scan(BARE_YEAR, paragraph, (match) => {
      const year = Number(match[1]);
      const end = match.index + match[0].length;
      if (isDecade(text, end, year)) return undefined;
      const evidence = yearEvidence(text, match.index, end);
      if (evidence === "not-a-year") return undefined;
      if (evidence === "weak" && year < EARLIEST_BARE_YEAR) return undefined;
      const confidence = evidence === "strong" ? 0.9 : 0.7;
      return candidate(paragraph, match.index, end, "bare-year", confidence, { unit: "year", year });
    });
  },
};

export const yearRangeParser: DateParser = {
  name: "year-range",
  applies: (paragraph) => /\d{4}/.test(paragraph.text),
  parse(paragraph) {
    const { text } = paragraph;
    return scan(YEAR_RANGE, paragraph, (match) => {
      const opener = match[1]?.toLowerCase();
      const connector = (match[3] ?? "").toLowerCase();
      if ((connector === "and") !== (opener === "between")) return undefined;
      const first = Number(match[2]);
      const written = match[4] ?? "";
      const second = written.length === 2 ? Math.floor(first / 100) * 100 + Number(written) : Number(written);
      if (!isPlausibleYear(second) || second <= first || second - first > 100) return undefined;
      const end = match.index + match[0].length;
      const firstStart = match.index + (opener ? match[0].indexOf(match[2] ?? "") : 0);
      if (isGluedToNumber(text, firstStart, end) || readsAsCountOrReference(text, firstStart, end)) return undefined;
      return candidate(
        paragraph,
        match.index,
        end,
        "range",
        0.85,
        { unit: "year", year: first },
        { to: { unit: "year", year: second } },
      );
    });
  },
};

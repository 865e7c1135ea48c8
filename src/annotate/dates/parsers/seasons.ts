import { candidate, scan } from "../span.js";
import type { DateParser } from "../types.js";
import { SEASON_PATTERN, YEAR_PATTERN, seasonOf } from "../words.js";

/**
 * "the fall of 1956", "autumn 1956", "summer of 1963", "early spring 1957", "the winter of 1956–57".
 * A winter belongs to the year it begins in: "winter 1956" is December 1956 to February 1957.
 */
const SEASON_OF_YEAR = new RegExp(
  `\\b(?:the\\s+)?(?:(?:early|late|mid)[\\s-]+)?(${SEASON_PATTERN})(?:\\s*,)?\\s+(?:of\\s+)?(${YEAR_PATTERN})` +
    `(?:\\s*[–/-]\\s*(\\d{4}|\\d{2})(?!\\d))?`,
  "gid",
);

function isWinterSpan(year: number, following: string): boolean {
  const full = following.length === 2 ? Math.floor(year / 100) * 100 + Number(following) : Number(following);
  return full === year + 1;
}

export const seasonParser: DateParser = {
  name: "season",
  applies: (paragraph) => /\d{4}/.test(paragraph.text),
  parse(paragraph) {
    return scan(SEASON_OF_YEAR, paragraph, (match) => {
      const season = seasonOf(match[1] ?? "");
      const year = Number(match[2]);
      const following = match[3];
      const spansWinter = season === "winter" && following !== undefined && isWinterSpan(year, following);
      const end = spansWinter ? match.index + match[0].length : (match.indices?.[2]?.[1] ?? match.index);
      const confidence = season === "winter" && !spansWinter ? 0.7 : 0.85;
      return candidate(paragraph, match.index, end, "season", confidence, { unit: "season", year, season });
    });
  },
};

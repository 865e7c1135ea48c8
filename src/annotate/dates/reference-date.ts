import { isPlausibleYear, parseIsoDate } from "./calendar.js";
import type { DateMention } from "./types.js";
import { yearEvidence } from "./year-context.js";

const YEAR = /(?<![\p{L}\d])(1\d{3}|20\d{2})(?![\p{L}\d])/gu;

/** The most frequent four-digit number that reads as a year (first seen wins a tie). */
export function mostFrequentYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(YEAR)) {
    const start = match.index ?? 0;
    if (yearEvidence(text, start, start + match[0].length) === "not-a-year") continue;
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount) [best, bestCount] = [year, count];
  }
  return best;
}

export function normalizedMetadataDate(value: string, extract: (line: string) => DateMention[]): string | undefined {
  const iso = parseIsoDate(value);
  if (iso && isPlausibleYear(iso.year)) return value.trim().slice(0, iso.day ? 10 : iso.month ? 7 : 4);
  const mention = extract(value).find((found) => ["day", "month", "year"].includes(found.precision));
  return mention?.value;
}

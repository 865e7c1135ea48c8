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

const HEADER_LENGTH = 3000;
const MARKUP = /^[\s*_#>|]+|[\s*_|]+$/g;
const DATE_LABEL = /^date\s*[:\-–—]*\s*/i;

/** What may stand before a header date: nothing, or a short place ("Washington, ", "Tel Aviv, "). */
const BEFORE_HEADER_DATE = /^(?:\p{Lu}[\p{L}'’.\- ]{1,30},)?\s*$/u;
/** What may follow it: punctuation and a time of day ("8:30 p.m.", "noon"). */
const AFTER_HEADER_DATE = /^[\s.,;]*(?:\d{1,2}(?::\d{2})?\s*[ap]\.\s?m\.?|noon|midnight)?[\s.,;]*$/i;

/**
 * A line near the top that is a date, maybe after a place and before a time: a dateline
 * ("**December 18, 1958**", "DATE: — 11/25/1963", "Washington, July 14, 1958, 8:30 p.m.").
 */
export function headerDate(text: string, extract: (line: string) => DateMention[]): string | undefined {
  for (const rawLine of text.slice(0, HEADER_LENGTH).split("\n")) {
    const line = rawLine.replace(MARKUP, "").replace(DATE_LABEL, "");
    if (line.length < 6 || line.length > 60 || !/\d/.test(line)) continue;
    const mentions = extract(line);
    const only = mentions[0];
    if (mentions.length !== 1 || !only || only.precision !== "day") continue;
    if (BEFORE_HEADER_DATE.test(line.slice(0, only.start)) && AFTER_HEADER_DATE.test(line.slice(only.end)))
      return only.value;
  }
  return undefined;
}

export function normalizedMetadataDate(value: string, extract: (line: string) => DateMention[]): string | undefined {
  const iso = parseIsoDate(value);
  if (iso && isPlausibleYear(iso.year)) return value.trim().slice(0, iso.day ? 10 : iso.month ? 7 : 4);
  const mention = extract(value).find((found) => ["day", "month", "year"].includes(found.precision));
  return mention?.value;
}

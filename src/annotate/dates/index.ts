/**
 * Date expressions in historical text, normalized to calendar intervals.
 *
 * Every mention has `earliest` and `latest` (ISO days, inclusive), a `precision` and a `value`:
 *   day      "1963-11-12"
 *   month    "1956-10"
 *   season   "1956-autumn"   northern meteorological seasons: spring Mar–May, summer Jun–Aug, autumn Sep–Nov,
 *                            winter Dec–Feb; a winter belongs to the year it begins in ("winter 1956" ends Feb 1957)
 *   half     "1956-H2"       "the second half of 1956"; also "early 1963" (H1) and "late 1958" (H2)
 *   quarter  "1957-Q1"       "the first quarter of 1957"; also "the beginning of 1957" (Q1), "the end of 1956" (Q4)
 *   year     "1968"
 *   decade   "1960s"
 *   century  "19XX"          "the 20th century": 1900–1999
 *   range    "1963-11-13/1963-11-18"  ISO 8601 interval of two of the values above ("1958/1963",
 *                            "1963-02/1963-08"); "mid-1963" is "1963-Q2/1963-Q3"
 * Offsets are into the text passed in; a mention's text leaves out a leading "on"/"in"/"at"/"by".
 * A date without a year takes the nearest explicit year before it (same paragraph, else earlier paragraphs),
 * else the year of `referenceDate`, else the document's most frequent year. "Yesterday", "this week" and
 * "last Monday" need `referenceDate` to the day, "last June" to the month; "the next day" follows the previous
 * day-precision mention.
 */
import { intervalOf, isPlausibleYear, parseIsoDate, valueOf } from "./calendar.js";
import { PARAGRAPH_REFINERS, PARSERS } from "./configuration.js";
import { paragraphsOf } from "./paragraphs.js";
import { dateFromContent, datedDocument as withContentDate } from "./document-date/index.js";
import { mostFrequentYear, normalizedMetadataDate } from "./reference-date.js";
import { resolveYears } from "./refiners/resolve-years.js";
import type { Candidate, DateContext, DateMention, ParsingSetup } from "./types.js";
import type { SourceDocument } from "../../core/document.js";

export type { DateContext, DateMention, DatePrecision } from "./types.js";

function parsingSetup(referenceDate: string | undefined): ParsingSetup {
  const reference = referenceDate === undefined ? undefined : parseIsoDate(referenceDate);
  if (!reference || !isPlausibleYear(reference.year)) return {};
  const { year, month, day } = reference;
  return {
    referenceYear: year,
    ...(month !== undefined ? { referenceMonth: month } : {}),
    ...(month !== undefined && day !== undefined ? { referenceDay: { year, month, day } } : {}),
  };
}

function toMention(text: string, found: Candidate): DateMention | undefined {
  const { from, to } = found;
  if (!from) return undefined;
  const first = intervalOf(from);
  const last = to ? intervalOf(to) : first;
  const value = to ? `${valueOf(from)}/${valueOf(to)}` : valueOf(from);
  if (!first || !last || value === undefined || first.earliest > last.latest) return undefined;
  if (!isPlausibleYear(Number(first.earliest.slice(0, 4))) || !isPlausibleYear(Number(last.latest.slice(0, 4)))) {
    return undefined;
  }
  return {
    start: found.start,
    end: found.end,
    text: text.slice(found.start, found.end),
    value,
    earliest: first.earliest,
    latest: last.latest,
    precision: to ? "range" : from.unit,
    extractor: found.extractor,
    confidence: Math.round(found.confidence * 100) / 100,
  };
}

export function extractDates(text: string, context: DateContext = {}): DateMention[] {
  const setup = parsingSetup(context.referenceDate);
  const candidates: Candidate[] = [];
  for (const paragraph of paragraphsOf(text, context.paragraphs)) {
    let found: Candidate[] = [];
    for (const parser of PARSERS) {
      if (!parser.applies || parser.applies(paragraph)) found.push(...parser.parse(paragraph, setup));
    }
    if (found.length === 0) continue;
    for (const refiner of PARAGRAPH_REFINERS) found = refiner.refine(paragraph, found, setup);
    for (const each of found) {
      candidates.push({ ...each, start: each.start + paragraph.offset, end: each.end + paragraph.offset });
    }
  }
  let fallback: { year: number | undefined } | undefined;
  const resolved = resolveYears(candidates, {
    ...(setup.referenceYear === undefined ? {} : { referenceYear: setup.referenceYear }),
    fallbackYear: () => (fallback ??= { year: mostFrequentYear(text) }).year,
  });
  const mentions: DateMention[] = [];
  for (const found of resolved) {
    const mention = toMention(text, found);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

const lineDates = (line: string): DateMention[] => extractDates(line);

/**
 * The document with the date it carries: its metadata date, else one read from its content (a dateline, a
 * form field, a line that is only a date, the file name; see document-date/), with `metadata.dateSource`.
 */
export function datedDocument(document: SourceDocument): SourceDocument {
  return withContentDate(document, lineDates);
}

/**
 * The date a document speaks from: its metadata date when it has one, else a date read from its head
 * ("Washington, July 14, 1958, 8:30 p.m.", "DATE: 11/25/1963", "**December 18, 1958**"), else its most
 * frequent explicit year ("1963"). The result is an ISO date of one of the forms "1963-11-23", "1963-11", "1963".
 */
export function documentReferenceDate(text: string, metadataDate?: string): string | undefined {
  if (metadataDate !== undefined && metadataDate.trim() !== "") {
    const normalized = normalizedMetadataDate(metadataDate, lineDates);
    if (normalized !== undefined) return normalized;
  }
  const fromContent = dateFromContent({ text, path: "" }, lineDates);
  if (fromContent !== undefined) return fromContent.value;
  const year = mostFrequentYear(text);
  return year === undefined ? undefined : String(year);
}

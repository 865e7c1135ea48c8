import * as chrono from "chrono-node";
import type { ParsedComponents, ParsedResult } from "chrono-node";
import { daySpec, isoDay, shareRangeYears, weekdayNear, weekdayOf } from "../calendar.js";
import { candidate, trimSpan } from "../span.js";
import type { Candidate, DateParser, DateSpec, Paragraph, ParsingSetup } from "../types.js";
import { CHRONO_TRIGGER } from "../words.js";
import { readsAsCountOrReference } from "../year-context.js";
import { chronoWindows } from "./chrono-windows.js";

/**
 * chrono's casual English configuration without the parsers for times of day and for durations
 * ("11:00", "300–2" read as 3 a.m., "a few minutes before", "within 2 weeks", "the next day"):
 * times are not dates here, and relative expressions are resolved by our own parsers and refiners.
 */
const UNWANTED_CHRONO_PARSERS = new Set([
  "ENCasualDateParser",
  "ENCasualTimeParser",
  "ENEndOfCurrentMonthParser",
  "ENRelativeDateFormatParser",
  "ENTimeUnitCasualRelativeFormatParser",
  "ENTimeExpressionParser",
  "ENTimeUnitWithinFormatParser",
  "ENTimeUnitAgoFormatParser",
  "ENTimeUnitLaterFormatParser",
]);

function createChrono(): chrono.Chrono {
  const configuration = chrono.en.configuration.createCasualConfiguration(false);
  configuration.parsers = configuration.parsers.filter(
    (parser) => !UNWANTED_CHRONO_PARSERS.has(parser.constructor.name),
  );
  return new chrono.Chrono(configuration);
}

const dateOnlyChrono = createChrono();

const WEEKDAY_MODIFIER = /\b(last|past|this|next)\b/;

/** Used when the document date is unknown; only weekday-only results depend on it, and those are dropped then. */
const NEUTRAL_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

function stated(components: ParsedComponents): DateSpec | undefined {
  if (!components.isCertain("month")) return undefined;
  const month = components.get("month") ?? undefined;
  const hasDay = components.isCertain("day");
  const spec: DateSpec = { unit: hasDay ? "day" : "month", ...(month === undefined ? {} : { month }) };
  if (hasDay) spec.day = components.get("day") ?? 1;
  if (components.isCertain("year")) spec.year = components.get("year") ?? 0;
  if (components.isCertain("weekday")) spec.weekday = components.get("weekday") ?? 0;
  return spec;
}

/** A range end often states only what differs: "13–18 November 1963". */
function statedEnd(result: ParsedResult, from: DateSpec): DateSpec | undefined {
  const end = result.end;
  if (!end) return undefined;
  const month = end.get("month") ?? from.month;
  const spec: DateSpec = { unit: from.unit, ...(month === undefined || month === null ? {} : { month }) };
  if (from.unit === "day") spec.day = end.get("day") ?? 1;
  const year = end.isCertain("year") ? end.get("year") : from.year;
  if (year !== null && year !== undefined) spec.year = year;
  return spec;
}

/** Kept in a range's text, as the range refiner does: "from December 28 to January 3, 1964". */
const RANGE_OPENER = /\b(?:from|between)\s+$/i;

const TWO_DIGIT_YEAR_AT_END = /(?:(,)\s*|\s+)(['’]?)(\d{2})$/;

/**
 * "By 11 June, 79 civilians", "On 29 October 50 Syrian fighters": chrono reads the count as a year.
 * A two-digit year counts only with an apostrophe ("25 May '62") or before punctuation or a line end ("24 Apr 62\n").
 * Returns where the date really ends.
 */
function countReadAsYear(text: string, span: { start: number; end: number }): number | undefined {
  const written = TWO_DIGIT_YEAR_AT_END.exec(text.slice(span.start, span.end));
  if (!written || written[2] !== "") return undefined;
  const afterComma = written[1] === ",";
  const beforeWord = /^[^\S\n]+[\p{L}\d]/u.test(text.slice(span.end, span.end + 2));
  if (!afterComma && !beforeWord && !readsAsCountOrReference(text, span.end - 2, span.end)) return undefined;
  return span.start + written.index;
}

function fromResult(
  paragraph: Paragraph,
  setup: ParsingSetup,
  result: ParsedResult,
  offset: number,
): Candidate | undefined {
  const span = trimSpan(paragraph.text, offset + result.index, offset + result.index + result.text.length);
  const start = result.start;
  const weekdayOnly = start.isCertain("weekday") && !start.isCertain("month") && !start.isCertain("day");
  if (weekdayOnly) {
    // "last Monday", "on Friday": counted from the document date. Weekends are the relative parser's.
    const words = paragraph.text.slice(span.start, span.end).toLowerCase();
    if (!setup.referenceDay || /week(?:end|day)/.test(words)) return undefined;
    const modifier = WEEKDAY_MODIFIER.exec(words)?.[1]?.replace("past", "last");
    const day = weekdayNear(setup.referenceDay, start.get("weekday") ?? 0, modifier);
    const confidence = modifier === undefined ? 0.6 : 0.75;
    return candidate(paragraph, span.start, span.end, "relative", confidence, daySpec(day), { setsContextYear: false });
  }
  let from = stated(start);
  if (!from) return undefined;
  const countAfter = from.year === undefined || result.end ? undefined : countReadAsYear(paragraph.text, span);
  if (countAfter !== undefined) {
    span.end = countAfter;
    delete from.year;
  }
  let to = statedEnd(result, from);
  if (to) {
    [from, to] = shareRangeYears(from, to);
    span.start -= RANGE_OPENER.exec(paragraph.text.slice(Math.max(0, span.start - 10), span.start))?.[0].length ?? 0;
  }
  let confidence = from.year === undefined ? 0.85 : from.unit === "day" ? 0.95 : 0.9;
  if (from.weekday !== undefined && from.year !== undefined && from.day !== undefined && from.month !== undefined) {
    const matches = weekdayOf({ year: from.year, month: from.month, day: from.day }) === from.weekday;
    if (!matches) confidence = 0.6;
  }
  return candidate(paragraph, span.start, span.end, "chrono", confidence, from, to ? { to } : {});
}

export const chronoParser: DateParser = {
  name: "chrono",
  applies: (paragraph) => CHRONO_TRIGGER.test(paragraph.text),
  parse(paragraph, setup) {
    const referenceDay = setup.referenceDay;
    const instant = referenceDay ? new Date(`${isoDay(referenceDay)}T12:00:00Z`) : NEUTRAL_REFERENCE;
    const found: Candidate[] = [];
    for (const window of chronoWindows(paragraph.text)) {
      const text = paragraph.text.slice(window.start, window.end);
      for (const result of dateOnlyChrono.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
        const built = fromResult(paragraph, setup, result, window.start);
        if (built && built.end > built.start) found.push(built);
      }
    }
    return found;
  },
};

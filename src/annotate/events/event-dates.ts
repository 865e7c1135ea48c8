import type { Span } from "../../core/document.js";
import type { DateMention, DatePrecision } from "../dates/index.js";
import type { EventDate } from "./types.js";

export type SpannedDate = EventDate & { span: Span };

/** Finer dates first: how coarse each precision is, for choosing the most precise of several dates. */
export const COARSENESS: Record<DatePrecision, number> = {
  day: 0,
  range: 1,
  month: 2,
  season: 3,
  quarter: 3,
  half: 4,
  year: 5,
  decade: 6,
  century: 7,
};

export function eventDateOf(mention: DateMention, shift = 0): SpannedDate {
  const { value, earliest, latest, precision } = mention;
  return { value, earliest, latest, precision, span: { start: mention.start + shift, end: mention.end + shift } };
}

/** Several date expressions of one field ("20 March 2003 – 1 May 2003" read as two) as one interval. */
export function spanningDate(mentions: readonly DateMention[], shift = 0): SpannedDate | undefined {
  const first = mentions[0];
  const last = mentions[mentions.length - 1];
  if (!first || !last) return undefined;
  if (first === last) return eventDateOf(first, shift);
  return {
    value: `${first.value}/${last.value}`,
    earliest: first.earliest,
    latest: last.latest,
    precision: "range",
    span: { start: first.start + shift, end: last.end + shift },
  };
}

/** An ISO metadata date ("1963", "1963-03", "1963-03-08") as an interval. */
export function isoEventDate(iso: string, span: Span): SpannedDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (day !== undefined) return { value: iso, earliest: iso, latest: iso, precision: "day", span };
  if (month !== undefined) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return {
      value: iso,
      earliest: `${iso}-01`,
      latest: `${iso}-${String(last).padStart(2, "0")}`,
      precision: "month",
      span,
    };
  }
  return { value: iso, earliest: `${year}-01-01`, latest: `${year}-12-31`, precision: "year", span };
}

export function datesOverlap(a: EventDate, b: EventDate): boolean {
  return a.earliest <= b.latest && b.earliest <= a.latest;
}

export function isPrecise(date: EventDate): boolean {
  return date.precision === "day" || date.precision === "range";
}

/**
 * The date an event keeps when a second account of it is merged in: a coarse date ("1963", "July 1963")
 * gives way to a finer one inside it; a day or range stays.
 */
export function refinedDate(current: SpannedDate, offered: SpannedDate): SpannedDate {
  if (COARSENESS[current.precision] < COARSENESS.month) return current;
  const inside = current.earliest <= offered.earliest && offered.latest <= current.latest;
  const finer = COARSENESS[offered.precision] < COARSENESS[current.precision];
  return inside && finer ? offered : current;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "February 1963", "1963" or "1960s": how a label names the time of an event. */
export function dateLabel(date: EventDate): string {
  const year = date.earliest.slice(0, 4);
  if (date.precision === "decade") return `${year.slice(0, 3)}0s`;
  const sameMonth = date.earliest.slice(0, 7) === date.latest.slice(0, 7);
  if (COARSENESS[date.precision] <= COARSENESS.month && sameMonth) {
    return `${MONTHS[Number(date.earliest.slice(5, 7)) - 1]} ${year}`;
  }
  return year;
}

import type { DateSpec, Season, YearMonthDay } from "./types.js";

export const MIN_YEAR = 1000;
export const MAX_YEAR = 2100;

const SEASON_FIRST_MONTH: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 0 = Sunday. */
export function weekdayOf(date: YearMonthDay): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: YearMonthDay, days: number): YearMonthDay {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function isoDay(date: YearMonthDay): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function dayOf(spec: DateSpec): YearMonthDay | undefined {
  if (spec.unit !== "day" || spec.year === undefined || spec.month === undefined || spec.day === undefined) {
    return undefined;
  }
  return { year: spec.year, month: spec.month, day: spec.day };
}

export function daySpec(date: YearMonthDay): DateSpec {
  return { unit: "day", year: date.year, month: date.month, day: date.day };
}

/** Parses "1963", "1963-11" or "1963-11-23" (a time part is ignored); undefined when it is none of these. */
export function parseIsoDate(value: string): (Partial<YearMonthDay> & { year: number }) | undefined {
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined && !isValidDay(year, month, day)) return undefined;
  return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

interface MonthInterval {
  firstYear: number;
  firstMonth: number;
  /** Number of months, at least 1. */
  months: number;
}

function monthInterval(spec: DateSpec & { year: number }): MonthInterval {
  const { year } = spec;
  switch (spec.unit) {
    case "day":
    case "month":
      return { firstYear: year, firstMonth: spec.month ?? 1, months: 1 };
    case "season":
      return { firstYear: year, firstMonth: SEASON_FIRST_MONTH[spec.season ?? "spring"], months: 3 };
    case "half":
      return { firstYear: year, firstMonth: (spec.part ?? 1) === 1 ? 1 : 7, months: 6 };
    case "quarter":
      return { firstYear: year, firstMonth: ((spec.part ?? 1) - 1) * 3 + 1, months: 3 };
    case "year":
      return { firstYear: year, firstMonth: 1, months: 12 };
    case "decade":
      return { firstYear: year, firstMonth: 1, months: 120 };
    case "century":
      return { firstYear: year, firstMonth: 1, months: 1200 };
  }
}

/** First and last ISO day of a resolved spec, or undefined when the year is still missing or the day is invalid. */
export function intervalOf(spec: DateSpec): { earliest: string; latest: string } | undefined {
  if (spec.year === undefined) return undefined;
  if (spec.unit === "day") {
    const day = dayOf(spec);
    if (!day || !isValidDay(day.year, day.month, day.day)) return undefined;
    return { earliest: isoDay(day), latest: isoDay(day) };
  }
  const { firstYear, firstMonth, months } = monthInterval({ ...spec, year: spec.year });
  const lastMonthIndex = firstYear * 12 + firstMonth - 1 + months - 1;
  const lastYear = Math.floor(lastMonthIndex / 12);
  const lastMonth = (lastMonthIndex % 12) + 1;
  return {
    earliest: isoDay({ year: firstYear, month: firstMonth, day: 1 }),
    latest: isoDay({ year: lastYear, month: lastMonth, day: daysInMonth(lastYear, lastMonth) }),
  };
}

/** The normalized value; see the convention in index.ts. */
export function valueOf(spec: DateSpec): string | undefined {
  const { year } = spec;
  if (year === undefined) return undefined;
  const yyyy = pad(year, 4);
  switch (spec.unit) {
    case "day":
      return `${yyyy}-${pad(spec.month ?? 1, 2)}-${pad(spec.day ?? 1, 2)}`;
    case "month":
      return `${yyyy}-${pad(spec.month ?? 1, 2)}`;
    case "season":
      return `${yyyy}-${spec.season ?? "spring"}`;
    case "half":
      return `${yyyy}-H${spec.part ?? 1}`;
    case "quarter":
      return `${yyyy}-Q${spec.part ?? 1}`;
    case "year":
      return yyyy;
    case "decade":
      return `${yyyy}s`;
    case "century":
      return `${yyyy.slice(0, 2)}XX`;
  }
}

/**
 * The day a weekday names, seen from `reference`: "next" is the first one after it, "this" the one in its
 * Monday–Sunday week, otherwise ("last Monday", or a bare "on Friday" in a report) the latest one before it.
 */
export function weekdayNear(reference: YearMonthDay, weekday: number, modifier: string | undefined): YearMonthDay {
  const referenceWeekday = weekdayOf(reference);
  if (modifier === "next") return addDays(reference, ((weekday - referenceWeekday + 6) % 7) + 1);
  if (modifier === "this") return addDays(reference, ((weekday + 6) % 7) - ((referenceWeekday + 6) % 7));
  return addDays(reference, -(((referenceWeekday - weekday + 6) % 7) + 1));
}

function withYear(spec: DateSpec, year: number): DateSpec {
  return { ...spec, year };
}

function yearBefore(earlier: DateSpec, later: DateSpec & { year: number }): number {
  const wraps = earlier.month !== undefined && later.month !== undefined && earlier.month > later.month;
  return wraps ? later.year - 1 : later.year;
}

function yearAfter(later: DateSpec, earlier: DateSpec & { year: number }): number {
  const wraps = earlier.month !== undefined && later.month !== undefined && later.month < earlier.month;
  return wraps ? earlier.year + 1 : earlier.year;
}

/** Range ends share the year only one of them states: "December 28 to January 3, 1964" starts in 1963. */
export function shareRangeYears(from: DateSpec, to: DateSpec): [DateSpec, DateSpec] {
  if (from.year === undefined && to.year !== undefined)
    return [withYear(from, yearBefore(from, { ...to, year: to.year })), to];
  if (to.year === undefined && from.year !== undefined)
    return [from, withYear(to, yearAfter(to, { ...from, year: from.year }))];
  return [from, to];
}

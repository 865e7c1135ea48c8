import { formatDate } from "./dates.js";

/** Timeline periods as the API names them: "1958" (a year), "1958-07" (a month), "1958-07-14" (a day). */

export type Zoom = "year" | "month" | "day";

const PERIOD = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/**
 * What the axis shows for a selected period: every year (no period), a year's months, or a month's days
 * (for a month, and for one of its days).
 */
export function axisOf(period: string | undefined): { zoom: Zoom; range?: string } {
  if (!period) return { zoom: "year" };
  if (period.length === 4) return { zoom: "month", range: period };
  return { zoom: "day", range: period.slice(0, 7) };
}

/** One zoom level out: a day's month, a month's year, and from a year every year (undefined). */
export function parentOf(period: string): string | undefined {
  if (period.length === 10) return period.slice(0, 7);
  if (period.length === 7) return period.slice(0, 4);
  return undefined;
}

/** "1958", "July 1958", "14 July 1958". */
export function periodLabel(period: string): string {
  return formatDate(period);
}

/** A bucket's tick on the axis of `range`: "Jul" and "14" inside it, the whole label outside it or when coarser. */
export function tickLabel(period: string, range: string | undefined): string {
  if (!range || !period.startsWith(range) || period === range) return periodLabel(period);
  if (period.length === 7) return periodLabel(period).slice(0, 3);
  return String(Number(period.slice(8)));
}

/** The later of two lower bounds ("1958-07" is later than "1958"). */
export function laterStart(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a || b;
  return a > b ? a : b;
}

/** The earlier of two upper bounds; a bound takes in the whole period it names, so "1958-07" ends before "1958". */
export function earlierEnd(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a || b;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return a < b ? a : b;
}

/** The year or month both bounds fall in ("1958-03" and "1958-11": "1958"), the period a from–to filter zooms to. */
export function commonPeriod(from: string | undefined, to: string | undefined): string | undefined {
  if (!from || !to) return undefined;
  if (from.slice(0, 7) === to.slice(0, 7) && from.length >= 7 && to.length >= 7) return from.slice(0, 7);
  if (from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  return undefined;
}

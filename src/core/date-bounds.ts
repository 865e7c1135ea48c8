/** The first and last day (YYYY-MM-DD) an ISO date of year, month or day precision covers. */
export interface DateBounds {
  earliest: string;
  latest: string;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Bounds of "1963", "1963-07" or "1963-07-03"; undefined for anything else. */
export function dateBounds(date: string): DateBounds | undefined {
  const match = ISO_DATE.exec(date.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month === undefined) return { earliest: `${year}-01-01`, latest: `${year}-12-31` };
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  const last = daysInMonth(Number(year), m);
  if (day === undefined) return { earliest: `${year}-${month}-01`, latest: `${year}-${month}-${String(last)}` };
  const d = Number(day);
  if (d < 1 || d > last) return undefined;
  return { earliest: `${year}-${month}-${day}`, latest: `${year}-${month}-${day}` };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Dates as the API gives them: `start` is YYYY, YYYY-MM or YYYY-MM-DD, read with its precision. */

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

function parts(value: string): { year: number; month?: number; day?: number } {
  const [y, m, d] = value.split("-").map(Number);
  return { year: y ?? 0, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

const SEASONS: Record<number, string> = { 12: "winter", 1: "winter", 3: "spring", 6: "summer", 9: "fall" };

/** "3 July 1963", "October 1956", "fall of 1956", "1963", "13 – 18 November 1963". */
export function formatDate(start: string | undefined, precision?: string, end?: string): string {
  if (!start) return "undated";
  const { year, month, day } = parts(start);
  const monthName = month ? MONTHS[month - 1] : undefined;
  switch (precision) {
    case "year":
      return String(year);
    case "decade":
      return `${Math.floor(year / 10) * 10}s`;
    case "century":
      return `${Math.floor(year / 100) + 1}th century`;
    case "month":
      return monthName ? `${monthName} ${year}` : String(year);
    case "season":
      return month ? `${SEASONS[month] ?? monthName ?? ""} of ${year}` : String(year);
    case "half":
      return month ? `${month <= 6 ? "first" : "second"} half of ${year}` : String(year);
    case "quarter":
      return month ? `Q${Math.floor((month - 1) / 3) + 1} ${year}` : String(year);
    case "range":
      if (end) return `${formatDate(start, "day")} – ${formatDate(end, "day")}`;
      return formatDate(start, "day");
    default:
      if (day && monthName) return `${day} ${monthName} ${year}`;
      if (monthName) return `${monthName} ${year}`;
      return String(year);
  }
}

function utc(year: number, month = 1, day = 1): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/**
 * The interval a date covers, end exclusive: a day is one day, a month-, season- or year-precision
 * date its whole month, three months or year (the timeline draws those as ranges).
 */
export function interval(start: string, precision?: string, end?: string): { from: Date; to: Date; point: boolean } {
  const { year, month, day } = parts(start);
  const from = utc(year, month ?? 1, day ?? 1);
  const span = (months: number) => ({ from, to: addMonths(from, months), point: false });
  switch (precision) {
    case "decade":
      return { from: utc(Math.floor(year / 10) * 10), to: utc(Math.floor(year / 10) * 10 + 10), point: false };
    case "century":
      return { from: utc(Math.floor(year / 100) * 100), to: utc(Math.floor(year / 100) * 100 + 100), point: false };
    case "year":
      return span(12);
    case "half":
      return span(6);
    case "season":
    case "quarter":
      return span(3);
    case "month":
      return span(1);
    case "range": {
      if (!end) break;
      const e = parts(end);
      const to = utc(e.year, e.month ?? 12, e.day ?? 28);
      to.setUTCDate(to.getUTCDate() + 1);
      return { from, to, point: false };
    }
  }
  if (!month) return span(12);
  if (!day) return span(1);
  const to = new Date(from.getTime());
  to.setUTCDate(to.getUTCDate() + 1);
  return { from, to, point: true };
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower) && (lower.length >= 3 || month === lower));
  return index >= 0 ? index + 1 : undefined;
}

const pad = (n: number): string => String(n).padStart(2, "0");

function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/**
 * ISO form (YYYY, YYYY-MM or YYYY-MM-DD) of a plain calendar date such as "8 March 1963",
 * "December 18, 1958", "March 1963", "1963" or "1958-07-14T23:00:00"; undefined for anything else
 * (ranges, "c. 1960", "late 6th century").
 */
export function normalizePlainDate(input: string): string | undefined {
  const text = input.trim();
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const [, year, month, day] = m;
    if (day) return isoDay(Number(year), Number(month), Number(day));
    if (month) return Number(month) >= 1 && Number(month) <= 12 ? `${year}-${month}` : undefined;
    return year;
  }
  m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoDay(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? isoDay(Number(m[3]), month, Number(m[2])) : undefined;
  }
  m = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? `${m[2]}-${pad(month)}` : undefined;
  }
  return undefined;
}

/** A PDF date ("D:19631123093000+01'00'") as an ISO date, to the precision it gives. */
export function isoDateOfPdfDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return year;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return `${year}-${month}`;
  return [year, month, day].filter((part) => part !== undefined).join("-");
}

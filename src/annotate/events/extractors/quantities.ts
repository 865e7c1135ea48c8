import type { Span } from "../../../core/document.js";
import type { DateMention } from "../../dates/index.js";
import { NUMBER, normalizeNumber } from "../infobox-values.js";
import { overlaps, spansWithin } from "../spans.js";

export interface Quantity extends Span {
  field: "strength" | "casualties";
  value: string;
}

const FIGHTERS =
  "fighters?|soldiers?|troops?|men|militiamen|rebels?|guerrillas?|combatants?|personnel|volunteers?|insurgents?|strong";
const STRENGTH = new RegExp(String.raw`(?<![\d:.,])(${NUMBER})(?![\d:])\s+(?:[\p{L}'’-]+\s+)?(?:${FIGHTERS})\b`, "giu");
const CASUALTIES = new RegExp(
  String.raw`(?<![\d:.,])(${NUMBER})(?![\d:])\s+(?:[\p{L}'’-]+\s+){0,2}(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|wa\s+)?(?:killed|dead|died|wounded|injured|executed|massacred|casualties)\b`,
  "giu",
);
const KILLING = new RegExp(
  String.raw`\bkill(?:ing|ed)\s+(?:at least\s+|some\s+|about\s+|around\s+|over\s+)?(${NUMBER})(?![\d:])`,
  "giu",
);

/** Strength ("amassing 2,000 fighters") and casualty figures ("250 people were killed") stated in a span. */
export function quantitiesIn(text: string, span: Span, dates: readonly DateMention[]): Quantity[] {
  const slice = text.slice(span.start, span.end);
  if (!/\d/.test(slice)) return [];
  const inDates = spansWithin(dates, span.start, span.end);
  const found: Quantity[] = [];
  const add = (field: Quantity["field"], match: RegExpMatchArray): void => {
    const number = match[1]!;
    const start = span.start + (match.index ?? 0) + match[0].indexOf(number);
    const quantity = { field, value: normalizeNumber(number), start, end: start + number.length };
    if (inDates.some((date) => overlaps(date, quantity)) || found.some((q) => overlaps(q, quantity))) return;
    found.push(quantity);
  };
  for (const match of slice.matchAll(CASUALTIES)) add("casualties", match);
  for (const match of slice.matchAll(KILLING)) add("casualties", match);
  for (const match of slice.matchAll(STRENGTH)) add("strength", match);
  return found.sort((a, b) => a.start - b.start);
}

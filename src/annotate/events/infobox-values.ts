import type { InfoboxField, InfoboxValue, Span } from "../../core/document.js";
import type { Mention } from "../mentions/types.js";
import { spansWithin } from "./spans.js";

/** A piece of an infobox value between commas: a name or a title. */
export interface ValuePart extends Span {
  text: string;
}

/** Words that make a comma-separated part a title, not a name ("Prime Minister of Iraq", "Leader of Baghdad Communist Cell"). */
const TITLE =
  /\b(?:of|minister|secretary|leader|president|commander|chief|head|chairman|general secretary|king|emir|governor|prime)\b/i;
const ONLY_TITLE_WORDS =
  /^(?:(?:prime|minister|secretary|leader|president|commander|chief|head|chairman|general|king|emir|governor|deputy|foreign|interior|defence|defense)\s*)+$/i;

/** Comma-separated parts of one value, trimmed, with offsets into the document text. */
export function valueParts(value: InfoboxValue): ValuePart[] {
  const parts: ValuePart[] = [];
  const pattern = /[^,;]+/g;
  for (const match of value.text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === "") continue;
    const start = value.start + (match.index ?? 0) + lead;
    parts.push({ start, end: start + text.length, text });
  }
  return parts;
}

export function isTitlePart(part: ValuePart): boolean {
  return TITLE.test(part.text) || /^\p{Ll}/u.test(part.text);
}

/** One commander and the title written after it ("Muhammad Habib, Leader of Baghdad Communist Cell"). */
export interface Commander extends Span {
  name: string;
  type: "person" | "organization";
  title?: ValuePart;
}

/**
 * The people of a Commander field, part by comma-separated part: the person mentions inside a part when
 * there are any ("President Abdul Salam Arif"), else the part itself unless it is a title. A title part
 * ("Prime Minister of Iraq") belongs to the person before it.
 */
export function commandersOf(field: InfoboxField, mentions: readonly Mention[]): Commander[] {
  const commanders: Commander[] = [];
  for (const part of field.values.flatMap(valueParts)) {
    const people = spansWithin(mentions, part.start, part.end).filter(
      (m) => m.type === "person" && !ONLY_TITLE_WORDS.test(m.text),
    );
    for (const person of people) {
      commanders.push({ start: person.start, end: person.end, name: person.name, type: "person" });
    }
    if (people.length > 0) continue;
    const last = commanders[commanders.length - 1];
    if (!isTitlePart(part)) commanders.push({ start: part.start, end: part.end, name: part.text, type: "person" });
    else if (last && !last.title) last.title = part;
  }
  return commanders;
}

/** A number as written: "2,000", "2 000", "300–2,000", "1+". */
export const NUMBER = String.raw`(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)(?:\s*[–—-]\s*(?:\d{1,3}(?:[,.]\d{3})+|\d+))?\+?`;
const LEADING = new RegExp(
  String.raw`^\s*(?:~|c\.\s*|ca\.\s*|about\s+|approx\.?\s*|at least\s+|over\s+)?(${NUMBER})(?!\d)`,
  "i",
);

/** The number at the head of a strength or casualty value: "34,000 (Ba'ath …)" → "34,000", "250 killed" → "250". */
export function leadingQuantity(text: string): { value: string; start: number; end: number } | undefined {
  const match = LEADING.exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].length - match[1]!.length;
  return { value: normalizeNumber(match[1]!), start, end: start + match[1]!.length };
}

/** Spaces used as thousands separators become commas ("2 000" → "2,000"); the rest stays as written. */
export function normalizeNumber(text: string): string {
  return text.replace(/(\d)[\u00a0\u202f ](?=\d{3}\b)/g, "$1,");
}

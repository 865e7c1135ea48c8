import type { DateSource } from "../../../core/document.js";
import type { DateMention } from "../types.js";

/** What the document-date extractors read: the text and the path of one document. */
export interface DatableDocument {
  text: string;
  path: string;
}

/** A document date read from its content; offsets into the text, absent when it came from the file name. */
export interface FoundDocumentDate {
  value: string;
  source: DateSource;
  start?: number;
  end?: number;
}

/** Date mentions of a short piece of text, without a reference date (implied years stay unresolved). */
export type LineDates = (text: string) => DateMention[];

export interface DocumentDateExtractor {
  readonly name: DateSource;
  find(document: DatableDocument, dates: LineDates): FoundDocumentDate | undefined;
}

/** Only the head of a document is read for its date. */
export const HEAD_LENGTH = 3000;

/** A date that names its year with four digits ("July 14, 1958", "11/25/1963"), not "July 14". */
export function hasExplicitYear(mention: DateMention): boolean {
  return /(?<!\d)\d{4}(?!\d)/.test(mention.text);
}

export function foundAt(mention: DateMention, offset: number, source: DateSource): FoundDocumentDate {
  return { value: mention.value, source, start: mention.start + offset, end: mention.end + offset };
}

/** The lines of the document's head with their offsets. */
export function* headLines(text: string): Generator<{ line: string; offset: number }> {
  const head = text.slice(0, HEAD_LENGTH);
  let offset = 0;
  for (const line of head.split("\n")) {
    yield { line, offset };
    offset += line.length + 1;
  }
}

/**
 * The date a document carries, read from its content when its metadata has none: ordered extractors, the
 * first that finds a date wins, and the document keeps which one it was (`metadata.dateSource`).
 * An encyclopedia article or a dataset is dated by its metadata only: the dates in it are of its subject.
 */
import type { DocumentKind, SourceDocument } from "../../../core/document.js";
import { datelineExtractor } from "./dateline.js";
import { fileNameExtractor } from "./file-name.js";
import { firstDateExtractor } from "./first-date.js";
import { formExtractor } from "./form.js";
import type { DatableDocument, DocumentDateExtractor, FoundDocumentDate, LineDates } from "./types.js";

export type { FoundDocumentDate, LineDates } from "./types.js";

export const DOCUMENT_DATE_EXTRACTORS: readonly DocumentDateExtractor[] = [
  datelineExtractor,
  formExtractor,
  firstDateExtractor,
  fileNameExtractor,
];

const UNDATED_KINDS: ReadonlySet<DocumentKind> = new Set(["encyclopedia", "dataset"]);

export function dateFromContent(document: DatableDocument, dates: LineDates): FoundDocumentDate | undefined {
  for (const extractor of DOCUMENT_DATE_EXTRACTORS) {
    const found = extractor.find(document, dates);
    if (found) return found;
  }
  return undefined;
}

/** The document with `metadata.date` and `metadata.dateSource` set when it has a date of its own. */
export function datedDocument(document: SourceDocument, dates: LineDates): SourceDocument {
  const { metadata } = document;
  if (metadata.date !== undefined) {
    return metadata.dateSource ? document : { ...document, metadata: { ...metadata, dateSource: "metadata" } };
  }
  if (UNDATED_KINDS.has(document.kind)) return document;
  const found = dateFromContent(document, dates);
  if (!found) return document;
  return { ...document, metadata: { ...metadata, date: found.value, dateSource: found.source } };
}

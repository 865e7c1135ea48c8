import type { OffsetMap } from "./offset-map.js";

/** Formats read from decoded text. */
export type TextFormat = "text" | "encyclopedia" | "markdown" | "tei" | "html" | "table" | "conll" | "jsonl";
/** Formats read from the raw bytes by a binary reader. */
export type BinaryFormat = "pdf" | "image" | "docx" | "odt" | "epub";
export type DocumentFormat = TextFormat | BinaryFormat;
export type DocumentKind = "encyclopedia" | "primary" | "derived" | "dataset" | "other";

/**
 * Where a document's date came from: its metadata (front matter, HTML meta), its markup (a TEI dateline),
 * or its text: a dateline ("Washington, August 4, 1958, 8:12 p.m."), a form field ("DATE: 11/25/1963"),
 * a line that is only a date ("23 NOVEMBER 1963"), or the file name ("EGY_13_1958.txt").
 */
export type DateSource = "metadata" | "markup" | "dateline" | "form" | "first-date" | "file-name";

export interface DocumentMetadata {
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the document itself carries. */
  date?: string;
  /** Set whenever `date` is. */
  dateSource?: DateSource;
  author?: string;
  archive?: string;
  citation?: string;
  url?: string;
  language?: string;
  translator?: string;
  place?: string;
  subject?: string;
  description?: string;
  tags?: string[];
}

/** Offsets are into `SourceDocument.text`, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Section extends Span {
  title: string;
  level: number;
}

export interface InfoboxValue extends Span {
  text: string;
}

export interface InfoboxField extends Span {
  key: string;
  values: InfoboxValue[];
}

export type MarkupType = "person" | "organization" | "place" | "date";

/** A span the source itself marked up (TEI persName, placeName, date). */
export interface MarkupAnnotation extends Span {
  type: MarkupType;
  text: string;
  /** date@when, or the normalized value the markup gives. */
  value?: string;
  /** persName@corresp and similar identifiers, without the leading '#'. */
  ref?: string;
}

/** How a page's text was recognised by OCR. */
export interface OcrReport {
  engine: string;
  languages: string;
  words: number;
  /** Mean word confidence, 0–100, as the engine reports it. */
  meanConfidence: number;
  /** Words under 60% confidence. */
  lowConfidenceWords: number;
  /** Pixels of the image the engine read; word boxes are in this frame. */
  width?: number;
  height?: number;
}

/** A word OCR read: its span of the document text, where it stands on the page image, how sure the engine was. */
export interface OcrWord extends Span {
  /** left, top, width, height in the pixels of the image read. */
  box: [number, number, number, number];
  /** 0–100. */
  confidence: number;
}

/** One page of a paged source (PDF, scan, OCR text with page breaks). */
export interface Page extends Span {
  /** The page's number in the source, from 1. */
  number: number;
  /** Present when the page's text came from OCR. */
  ocr?: OcrReport;
  /** Each OCR'd word, in text order. */
  words?: OcrWord[];
}

/** One row of a table document: its line of text and the span of each cell's value in it. */
export interface TableRow extends Span {
  /** Where the row is in its file: the line of a CSV file, the row number of a spreadsheet. */
  line: number;
  /** By column index; null where the cell is empty. */
  cells: (Span | null)[];
}

/** The rows and columns a CSV, TSV or spreadsheet document is made of. */
export interface TableStructure {
  columns: string[];
  rows: TableRow[];
  /** Rows whose cell count differs from the header's, said in one line, when there are any. */
  warning?: string;
}

export interface DecodingReport {
  encoding: string;
  bom: boolean;
  mojibakeRepairs: number;
  /** Byte offsets of byte sequences that were not valid in `encoding`. */
  invalidByteOffsets: number[];
}

export interface SourceDocument {
  /** Content hash of the original bytes, with `#part` when one file holds several documents. */
  id: string;
  path: string;
  title: string;
  format: DocumentFormat;
  kind: DocumentKind;
  metadata: DocumentMetadata;
  sections: Section[];
  infobox: InfoboxField[];
  markup: MarkupAnnotation[];
  /** Pages in text order, for sources that have them; citations give the page of an offset. */
  pages?: Page[];
  /** Running headers and footers, classification stamps, page numbers: shown, but not searched or extracted. */
  furniture?: Span[];
  /** Tables only: rows and columns (not stored; extraction reads it at ingest). */
  table?: TableStructure;
  text: string;
  /** text offset → character offset in the decoded original file. */
  map: OffsetMap;
  decoding: DecodingReport;
}

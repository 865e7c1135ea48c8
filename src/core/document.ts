import type { OffsetMap } from "./offset-map.js";

export type DocumentFormat = "text" | "encyclopedia" | "markdown" | "tei" | "html" | "table" | "conll";
export type DocumentKind = "encyclopedia" | "primary" | "derived" | "dataset" | "other";

export interface DocumentMetadata {
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the document itself carries. */
  date?: string;
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
  /** Tables only: rows and columns (not stored; extraction reads it at ingest). */
  table?: TableStructure;
  text: string;
  /** text offset → character offset in the decoded original file. */
  map: OffsetMap;
  decoding: DecodingReport;
}

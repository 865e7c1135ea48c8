import type { DateSource, DocumentFormat, DocumentKind, SourceDocument } from "../../core/document.js";
import { OffsetMap } from "../../core/offset-map.js";
import { dateBounds } from "../../core/date-bounds.js";
import type { DocumentRecord, DocumentSummary, StoredDocument } from "../store.js";

/** A `documents` row as bound to the insert statement and read back by getDocument. */
export interface DocumentRow {
  id: string;
  file_path: string;
  ordinal: number;
  path: string;
  title: string;
  format: string;
  kind: string;
  date: string | null;
  date_earliest: string | null;
  date_latest: string | null;
  passage_count: number;
  metadata: string;
  sections: string;
  infobox: string;
  markup: string;
  layout: string;
  decoding: string;
  map: string;
  dates: string;
  text: string;
  caseless: number;
  reference_date: string | null;
}

export type SummaryRow = Pick<DocumentRow, "id" | "path" | "title" | "format" | "kind" | "date" | "passage_count"> & {
  date_source: string | null;
};

export function toDocumentRow(filePath: string, ordinal: number, record: DocumentRecord): DocumentRow {
  const doc = record.document;
  const date = doc.metadata.date ?? null;
  const bounds = date === null ? undefined : dateBounds(date);
  return {
    id: doc.id,
    file_path: filePath,
    ordinal,
    path: doc.path,
    title: doc.title,
    format: doc.format,
    kind: doc.kind,
    date,
    date_earliest: bounds?.earliest ?? null,
    date_latest: bounds?.latest ?? null,
    passage_count: record.passages.length,
    metadata: JSON.stringify(doc.metadata),
    sections: JSON.stringify(doc.sections),
    infobox: JSON.stringify(doc.infobox),
    markup: JSON.stringify(doc.markup),
    layout: JSON.stringify(layoutOf(doc)),
    decoding: JSON.stringify(doc.decoding),
    map: JSON.stringify(doc.map.toJSON()),
    dates: JSON.stringify(record.dates),
    text: doc.text,
    caseless: record.caseless ? 1 : 0,
    reference_date: record.referenceDate ?? null,
  };
}

type Layout = Pick<SourceDocument, "pages" | "furniture">;

function layoutOf(doc: SourceDocument): Layout {
  return { ...(doc.pages ? { pages: doc.pages } : {}), ...(doc.furniture ? { furniture: doc.furniture } : {}) };
}

export function fromDocumentRow(row: DocumentRow): StoredDocument {
  const document: SourceDocument = {
    id: row.id,
    path: row.path,
    title: row.title,
    format: row.format as DocumentFormat,
    kind: row.kind as DocumentKind,
    metadata: JSON.parse(row.metadata) as SourceDocument["metadata"],
    sections: JSON.parse(row.sections) as SourceDocument["sections"],
    infobox: JSON.parse(row.infobox) as SourceDocument["infobox"],
    markup: JSON.parse(row.markup) as SourceDocument["markup"],
    ...(JSON.parse(row.layout) as Layout),
    text: row.text,
    map: OffsetMap.fromJSON(JSON.parse(row.map) as number[]),
    decoding: JSON.parse(row.decoding) as SourceDocument["decoding"],
  };
  return { document, dates: JSON.parse(row.dates) as StoredDocument["dates"] };
}

export function fromSummaryRow(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    path: row.path,
    title: row.title,
    format: row.format as DocumentFormat,
    kind: row.kind as DocumentKind,
    ...(row.date === null ? {} : { date: row.date }),
    ...(row.date_source === null ? {} : { dateSource: row.date_source as DateSource }),
    passages: row.passage_count,
  };
}

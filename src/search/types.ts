import type { DocumentKind } from "../core/document.js";

export interface SearchOptions {
  /** Default 10, at most 1000. */
  limit?: number;
  offset?: number;
  documentIds?: readonly string[];
  kinds?: readonly DocumentKind[];
  /**
   * YYYY, YYYY-MM or YYYY-MM-DD. A document matches when its own date (metadata.date) overlaps the
   * range; documents without a date never match a date filter.
   */
  dateFrom?: string;
  dateTo?: string;
  /** Title of the passage's section, compared case-insensitively. */
  section?: string;
  /** Also count every matching passage (costs a full pass over the matches). */
  countTotal?: boolean;
}

export interface SearchHit {
  document: { id: string; path: string; title: string };
  section?: string;
  /** The page the passage starts on, for documents with pages. */
  page?: number;
  /** The whole passage. */
  text: string;
  /** A window of the passage, HTML-escaped, matched words in <mark>…</mark>. */
  snippet: string;
  /** Higher is better; comparable within one result only. */
  score: number;
  /** The passage's offsets in the document text. */
  start: number;
  end: number;
  /** Matched words as [start, end) offsets into `text`. */
  highlights: [number, number][];
  /** The part of `text` the snippet shows, [start, end). */
  window: [number, number];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching passages, when `countTotal` was asked for. */
  total?: number;
}

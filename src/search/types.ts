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
  /** Only passages that mention a person, an organization or a place (a name found in them of that type). */
  entityType?: "person" | "organization" | "place";
  /** Also count the matching passages, up to `countAtMost`. */
  countTotal?: boolean;
  /** Count at most this many (default 10,000): past it `total` is this number and `totalIsLowerBound` is set. */
  countAtMost?: number;
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
  /** More than `total` passages match: counting stopped there. */
  totalIsLowerBound?: true;
}

/** One value of a facet with how many matching passages have it. */
export interface FacetCount {
  /** A document kind, a document id, a year ("1958") or an entity type. */
  value: string;
  count: number;
  /** For a document: the document. */
  document?: { id: string; path: string; title: string };
}

/**
 * The passages a query matches, counted per facet. Each facet is counted under every filter but its
 * own, so it shows what choosing another of its values would give.
 */
export interface SearchFacets {
  /** Matching passages under every filter. */
  total: number;
  kinds: FacetCount[];
  /** The documents with the most matching passages, at most `top`. */
  documents: FacetCount[];
  /** By year of the document's date, in order; undated documents are not counted. */
  years: FacetCount[];
  /** Passages that mention a name of each type. */
  entityTypes: FacetCount[];
}

export type FacetOptions = Omit<SearchOptions, "limit" | "offset" | "countTotal" | "countAtMost"> & {
  /** How many documents the document facet lists (default 20, at most 1000). */
  top?: number;
};

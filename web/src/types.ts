/** The API's JSON shapes: the same types the CLI prints (src/views/types.ts), plus search and listings. */
export type {
  Citation,
  Disagreement,
  DocumentRef,
  DocumentView,
  EntityPage,
  EntitySummary,
  EventCard,
  EventSummary,
  FieldValue,
  Graph,
  GraphEdge,
  GraphNode,
} from "../../src/views/types.js";
export type { TimelineBucket, TimelineFacets, TimelineOverview } from "../../src/views/timeline.js";
export type { EventOutline } from "../../src/store/knowledge.js";
export type { FacetCount, SearchFacets } from "../../src/search/types.js";

export type EntityType = "person" | "organization" | "place";
export const ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "place"];
export const DOCUMENT_KINDS = ["encyclopedia", "primary", "derived", "dataset", "other"] as const;

export interface SearchHit {
  document: { id: string; path: string; title: string };
  section?: string;
  /** The page the passage starts on, for documents with pages. */
  page?: number;
  text: string;
  snippet: string;
  score: number;
  start: number;
  end: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total?: number;
  /** More than `total` passages match. */
  totalIsLowerBound?: true;
}

export interface RelatedDocument {
  id: string;
  path: string;
  similarity: number;
}

export interface DocumentListing {
  id: string;
  path: string;
  title: string;
  format: string;
  kind: string;
  date?: string;
  derivedFrom?: RelatedDocument;
  nearDuplicates?: RelatedDocument[];
}

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  failed: { path: string; error: string }[];
  warnings: { path: string; warning: string }[];
  documents: number;
  error?: { code: string; message: string };
}

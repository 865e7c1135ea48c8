import type { DateSource, DocumentFormat, DocumentKind, SourceDocument } from "../core/document.js";
import type { Mention } from "../annotate/mentions/types.js";
import type { DateMention } from "../annotate/dates/index.js";
import type { EventMention } from "../annotate/events/types.js";
import type { RelationMention } from "../annotate/relations/types.js";
import type { DecisionStore } from "./decisions.js";
import type { KnowledgeStore } from "./knowledge.js";
import type { TopMatchOptions } from "../search/top-matches.js";

/**
 * The knowledge base as every caller sees it, whatever the backend. Backend differences are
 * described by `capabilities`, never by asking which backend this is.
 */
export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Mentions, entities, events and claims: the extraction side of the knowledge base. */
  readonly knowledge: KnowledgeStore;
  /** The user's corrections, kept apart from what was extracted. */
  readonly decisions: DecisionStore;

  getFile(path: string): StoredFile | undefined;
  /**
   * Replaces everything stored for `file.path` with `documents`, in one transaction: after a crash
   * the store holds either the old or the new state. Throws InputError "duplicate-document" when a
   * document's id (its content hash) is already stored for another path.
   */
  replaceFile(file: FileRecord, documents: readonly DocumentRecord[]): "added" | "updated";
  /** Records a new size and mtime for a file whose content did not change. */
  touchFile(path: string, size: number, mtimeMs: number): void;
  /** Removes a file and everything derived from it; false when it was not stored. */
  removeFile(path: string): boolean;

  listDocuments(filter?: DocumentFilter): DocumentSummary[];
  getDocument(id: string): StoredDocument | undefined;
  countDocuments(): number;

  /** Ranked passages: query language in search/query.ts, ranking in search/search.ts and ranking.ts. */
  search(query: string, options?: SearchOptions): SearchResult;

  /** Replaces all document relations. Relations of removed documents disappear with them. */
  setDocumentRelations(relations: readonly DocumentRelation[]): void;
  documentRelations(): DocumentRelation[];
  setDocumentSignature(documentId: string, signature: Uint32Array): void;
  /** Every stored MinHash signature, with what relation finding needs to orient a pair. */
  signatures(): SignedDocument[];

  /**
   * Recomputes the best matches of frequent one-word queries (search/top-matches.ts) from the current
   * index; ingest calls it at its end. A no-op where `capabilities.topMatches` is false.
   */
  rebuildTopMatches(options?: TopMatchOptions): void;

  /** Problems found by the backend's own consistency checks; empty when the store is sound. */
  integrityCheck(): string[];
  close(): void;
}

export interface StoreCapabilities {
  backend: "sqlite" | "postgres";
  /** The full-text engine behind `search`. */
  fullText: "fts5" | "tsvector";
  /** Schema changes roll back with their transaction. */
  transactionalDdl: boolean;
  /** Several processes may write at once (SQLite: one writer at a time, others wait). */
  concurrentWriters: boolean;
  /** The store is a file on this machine, not a server. */
  embedded: boolean;
  /** Frequent one-word queries are answered from precomputed best matches (`rebuildTopMatches`). */
  topMatches: boolean;
}

export interface FileRecord {
  path: string;
  contentHash: string;
  size: number;
  mtimeMs: number;
}

export interface StoredFile extends FileRecord {
  documentIds: string[];
}

/** A passage of a document with its index strings (see search/passages.ts). */
export interface PassageRecord {
  /** Offsets into the document text, end exclusive. */
  start: number;
  end: number;
  /** Title of the innermost section around the passage. */
  section?: string;
  text: string;
  /** Folded lemmas of the passage's words, space separated. */
  terms: string;
  /** Transliteration keys of the passage's words, space separated. */
  keys: string;
}

export interface DocumentRecord {
  document: SourceDocument;
  passages: PassageRecord[];
  /** Date mentions as the annotator made them; stored as JSON. */
  dates: DateMention[];
  signature?: Uint32Array;
  mentions?: Mention[];
  events?: EventMention[];
  relations?: RelationMention[];
  /** The text carries no capitalization (a lower-cased dump): names are found there by the corpus stage. */
  caseless?: boolean;
  /** Text offset after which names, events and relations were not extracted (too many in one document). */
  extractionStoppedAt?: number;
  /** The date relative dates are read against: the document's own, else the year it is mostly about. */
  referenceDate?: string;
}

export interface StoredDocument {
  document: SourceDocument;
  dates: DateMention[];
}

export interface DocumentSummary {
  id: string;
  path: string;
  title: string;
  format: DocumentFormat;
  kind: DocumentKind;
  date?: string;
  dateSource?: DateSource;
  passages: number;
}

export interface DocumentFilter {
  ids?: readonly string[];
  kinds?: readonly DocumentKind[];
  path?: string;
}

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

export type DocumentRelationType = "derived-from" | "near-duplicate";

export interface DocumentRelation {
  documentId: string;
  relatedId: string;
  relation: DocumentRelationType;
  similarity: number;
}

export interface SignedDocument {
  id: string;
  kind: DocumentKind;
  date?: string;
  signature: Uint32Array;
}

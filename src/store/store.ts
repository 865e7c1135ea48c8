import type { DateSource, DocumentFormat, DocumentKind, SourceDocument } from "../core/document.js";
import type { Mention } from "../annotate/mentions/types.js";
import type { DateMention } from "../annotate/dates/index.js";
import type { EventMention } from "../annotate/events/types.js";
import type { RelationMention } from "../annotate/relations/types.js";
import type { PassageRecord } from "../search/passages.js";
import type { VocabularyEntry } from "../search/vocabulary.js";
import type { LexicalEntry } from "../segment/index.js";
import type { FacetOptions, SearchFacets, SearchOptions, SearchResult } from "../search/types.js";
import type { DecisionStore } from "../decisions/types.js";
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
  /** The passages `query` matches counted per document kind, document, year and entity type (search/search.ts). */
  facets(query: string, options?: FacetOptions): SearchFacets;
  /** The lemmas and stop flags the base keeps for those of `words` its passages hold (search/vocabulary.ts). */
  lexicalEntries(words: readonly string[]): Map<string, LexicalEntry>;

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

  /**
   * A value that changes whenever the knowledge base may have changed, by this process or another:
   * what a cache of a view is keyed on. Cheap (one small query).
   */
  changeStamp(): string;

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
  /**
   * Ranking takes each phrase's passage count from what it knows (kept lists, counts) instead of the
   * engine counting every phrase per statement (SQLite: the annals_bm25 extension the set-up compiles).
   */
  rankingCountsGiven: boolean;
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

export interface DocumentRecord {
  document: SourceDocument;
  passages: PassageRecord[];
  /** The lexicon entries of the words the passages were segmented with (search/vocabulary.ts): kept by every document stored. */
  vocabulary?: VocabularyEntry[];
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

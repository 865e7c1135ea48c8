import Database from "better-sqlite3";
import type { DocumentKind } from "../../core/document.js";
import { InputError } from "../../core/errors.js";
import { searchFacets, searchPassages } from "../../search/search.js";
import { buildTopMatches, type TopMatchOptions } from "../../search/top-matches.js";
import type { FacetOptions, SearchFacets, SearchOptions, SearchResult } from "../../search/types.js";
import type { LexicalEntry } from "../../segment/index.js";
import type {
  DocumentFilter,
  DocumentRecord,
  DocumentRelation,
  DocumentSummary,
  FileRecord,
  SignedDocument,
  Store,
  StoreCapabilities,
  StoredDocument,
  StoredFile,
} from "../store.js";
import { fromDocumentRow, fromSummaryRow, toDocumentRow, type DocumentRow, type SummaryRow } from "../document-rows.js";
import type { SqlDecisionStore } from "../decision-log.js";
import { signatureFromBytes } from "../rows.js";
import { loadBm25Given } from "./bm25-given.js";
import { migrate, requireCurrentSchema } from "./migrations.js";
import { SqlitePassageIndex } from "./passage-index.js";
import { prepareStatements, type Statements } from "./statements.js";
import { insertMention, SqliteKnowledgeStore } from "./knowledge-store.js";
import { sqliteDecisionStore } from "./decision-store.js";

export interface SqliteStoreOptions {
  readonly?: boolean;
  /** How long to wait for another writer before failing. Default 10 s. */
  busyTimeoutMs?: number;
}

const CAPABILITIES: Omit<StoreCapabilities, "rankingCountsGiven"> = {
  backend: "sqlite",
  fullText: "fts5",
  transactionalDdl: true,
  concurrentWriters: false,
  embedded: true,
  topMatches: true,
};

const MAX_COMMITTED_WORDS = 2_000_000;

export class SqliteStore implements Store {
  readonly capabilities: StoreCapabilities;
  readonly knowledge: SqliteKnowledgeStore;
  readonly decisions: SqlDecisionStore;
  private readonly db: Database.Database;
  private readonly sql: Statements;
  private readonly passageIndex: SqlitePassageIndex;
  private readonly replaceFileTransaction: Database.Transaction<
    (file: FileRecord, documents: readonly DocumentRecord[]) => "added" | "updated"
  >;
  private readonly setRelationsTransaction: Database.Transaction<(relations: readonly DocumentRelation[]) => void>;
  /** Words this process has committed to the lexicon, which keeps the first entry of a word: documents share most of theirs. */
  private readonly committedWords = new Set<string>();

  constructor(path: string, options: SqliteStoreOptions = {}) {
    const readonly = options.readonly ?? false;
    this.db = new Database(path, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 10_000 });
    try {
      if (!readonly) this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      this.db.pragma("cache_size = -65536");
      this.db.pragma("temp_store = FILE");
      if (readonly) requireCurrentSchema(this.db);
      else migrate(this.db);
      this.sql = prepareStatements(this.db);
      const rankingCountsGiven = loadBm25Given(this.db);
      this.capabilities = { ...CAPABILITIES, rankingCountsGiven };
      this.passageIndex = new SqlitePassageIndex(this.db, rankingCountsGiven);
      this.knowledge = new SqliteKnowledgeStore(this.db);
      this.decisions = sqliteDecisionStore(this.db);
      this.replaceFileTransaction = this.db.transaction((file, documents) => {
        const existed = this.sql.getFile.get(file.path) !== undefined;
        this.sql.deleteDocumentsOfFile.run(file.path);
        this.sql.upsertFile.run(file.path, file.contentHash, file.size, file.mtimeMs);
        documents.forEach((record, ordinal) => this.insertDocument(file.path, ordinal, record));
        return existed ? "updated" : "added";
      });
      this.setRelationsTransaction = this.db.transaction((relations) => {
        this.sql.deleteRelations.run();
        for (const r of relations) this.sql.insertRelation.run(r.documentId, r.relatedId, r.relation, r.similarity);
      });
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  getFile(path: string): StoredFile | undefined {
    const row = this.sql.getFile.get(path) as
      { path: string; content_hash: string; size: number; mtime_ms: number } | undefined;
    if (!row) return undefined;
    const documentIds = (this.sql.documentIdsOfFile.all(path) as { id: string }[]).map((r) => r.id);
    return { path: row.path, contentHash: row.content_hash, size: row.size, mtimeMs: row.mtime_ms, documentIds };
  }

  replaceFile(file: FileRecord, documents: readonly DocumentRecord[]): "added" | "updated" {
    const result = this.replaceFileTransaction.immediate(file, documents);
    if (this.committedWords.size > MAX_COMMITTED_WORDS) this.committedWords.clear();
    for (const record of documents) for (const entry of record.vocabulary ?? []) this.committedWords.add(entry.word);
    return result;
  }

  private insertDocument(filePath: string, ordinal: number, record: DocumentRecord): void {
    const owner = this.sql.documentFile.get(record.document.id) as { file_path: string } | undefined;
    if (owner) {
      throw new InputError(
        `document ${record.document.id} (same content) is already stored from ${owner.file_path}`,
        "duplicate-document",
      );
    }
    const documentRowid = this.sql.insertDocument.run(toDocumentRow(filePath, ordinal, record)).lastInsertRowid;
    for (const page of record.document.pages ?? []) this.sql.insertPage.run(documentRowid, page.start, page.number);
    for (const passage of record.passages) {
      const passageId = this.sql.insertPassage.run(
        documentRowid,
        passage.start,
        passage.end,
        passage.section ?? null,
        passage.text,
      ).lastInsertRowid;
      this.sql.insertFts.run(passageId, passage.terms, passage.keys);
    }
    this.sql.listWrittenPassages.run(documentRowid);
    for (const entry of record.vocabulary ?? [])
      if (!this.committedWords.has(entry.word)) this.sql.insertLexicon.run(entry.word, entry.lemma, entry.stop ? 1 : 0);
    if (record.signature) this.sql.upsertSignature.run(documentRowid, signatureBlob(record.signature));
    for (const mention of record.mentions ?? []) insertMention(this.sql.insertMention, documentRowid, mention);
    for (const event of record.events ?? []) this.sql.insertEventMention.run(documentRowid, JSON.stringify(event));
    for (const relation of record.relations ?? []) {
      this.sql.insertRelationMention.run(documentRowid, JSON.stringify(relation));
    }
  }

  touchFile(path: string, size: number, mtimeMs: number): void {
    this.sql.touchFile.run(size, mtimeMs, path);
  }

  removeFile(path: string): boolean {
    return this.sql.deleteFile.run(path).changes > 0;
  }

  listDocuments(filter: DocumentFilter = {}): DocumentSummary[] {
    const rows = this.sql.listDocuments.all({
      ids: filter.ids ? JSON.stringify(filter.ids) : null,
      kinds: filter.kinds ? JSON.stringify(filter.kinds) : null,
      path: filter.path ?? null,
    }) as SummaryRow[];
    return rows.map(fromSummaryRow);
  }

  getDocument(id: string): StoredDocument | undefined {
    const row = this.sql.getDocument.get(id) as DocumentRow | undefined;
    return row ? fromDocumentRow(row) : undefined;
  }

  countDocuments(): number {
    return (this.sql.countDocuments.get() as { n: number }).n;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    return this.passageIndex.countingOnce(() => searchPassages(this.passageIndex, query, options));
  }

  facets(query: string, options: FacetOptions = {}): SearchFacets {
    return searchFacets(this.passageIndex, query, options);
  }

  lexicalEntries(words: readonly string[]): Map<string, LexicalEntry> {
    return this.passageIndex.lexicalEntries(words);
  }

  setDocumentRelations(relations: readonly DocumentRelation[]): void {
    this.setRelationsTransaction.immediate(relations);
  }

  documentRelations(): DocumentRelation[] {
    const rows = this.sql.listRelations.all() as {
      document_id: string;
      related_id: string;
      relation: DocumentRelation["relation"];
      similarity: number;
    }[];
    return rows.map((r) => ({
      documentId: r.document_id,
      relatedId: r.related_id,
      relation: r.relation,
      similarity: r.similarity,
    }));
  }

  setDocumentSignature(documentId: string, signature: Uint32Array): void {
    const row = this.sql.documentRowid.get(documentId) as { rowid: number } | undefined;
    if (!row) throw new InputError(`no document ${documentId} to sign`, "unknown-document");
    this.sql.upsertSignature.run(row.rowid, signatureBlob(signature));
  }

  signatures(): SignedDocument[] {
    const rows = this.sql.listSignatures.all() as {
      id: string;
      kind: DocumentKind;
      date: string | null;
      signature: Buffer;
    }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...(r.date === null ? {} : { date: r.date }),
      signature: signatureFromBytes(r.signature),
    }));
  }

  rebuildTopMatches(options: TopMatchOptions = {}): void {
    buildTopMatches(this.passageIndex.topMatches, options);
  }

  /** `data_version` moves when another connection commits, `total_changes()` when this one writes. */
  changeStamp(): string {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    const own = (this.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    return `${version}:${own}`;
  }

  integrityCheck(): string[] {
    const problems = (this.db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((message) => message !== "ok");
    for (const row of this.db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]) {
      problems.push(`${row.table} row ${row.rowid} refers to a missing ${row.parent} row`);
    }
    try {
      this.sql.ftsIntegrityCheck.run();
    } catch (error) {
      problems.push(`full-text index: ${(error as Error).message}`);
    }
    return problems;
  }

  close(): void {
    if (!this.db.open) return;
    if (!this.db.readonly) this.db.pragma("optimize");
    this.db.close();
  }
}

function signatureBlob(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

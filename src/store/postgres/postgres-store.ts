import type { DocumentKind } from "../../core/document.js";
import { InputError } from "../../core/errors.js";
import type { PassageRecord } from "../../search/passages.js";
import type { VocabularyEntry } from "../../search/vocabulary.js";
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
import { migratePostgres } from "./migrations.js";
import { PostgresKnowledgeStore } from "./knowledge-store.js";
import { postgresDecisionStore } from "./decision-store.js";
import { PostgresPassageIndex } from "./passage-index.js";
import { indexWords } from "./tsquery.js";
import type { SqlDecisionStore } from "../decision-log.js";
import { MENTION_COLUMNS, mentionRow, signatureFromBytes } from "../rows.js";
import { byteaHex, insertRows, toJson } from "./rows.js";
import { PostgresError, SyncPostgres, type SqlStatement } from "./sync-client.js";

const CAPABILITIES: StoreCapabilities = {
  backend: "postgres",
  fullText: "tsvector",
  transactionalDdl: true,
  concurrentWriters: true,
  embedded: false,
  topMatches: true,
  rankingCountsGiven: false,
};

const DOCUMENT_COLUMNS = [
  "id",
  "file_path",
  "ordinal",
  "path",
  "title",
  "format",
  "kind",
  "date",
  "date_earliest",
  "date_latest",
  "passage_count",
  "metadata",
  "sections",
  "infobox",
  "markup",
  "layout",
  "decoding",
  "map",
  "dates",
  "text",
  "caseless",
  "reference_date",
];
const PASSAGE_COLUMNS = ["start", "end", "section", "text", "terms", "keys"];

/** The knowledge base on a PostgreSQL server (`postgres://…` URL); the same queries as the SQLite store. */
export class PostgresStore implements Store {
  readonly capabilities = CAPABILITIES;
  readonly knowledge: PostgresKnowledgeStore;
  readonly decisions: SqlDecisionStore;
  private readonly db: SyncPostgres;
  private readonly passageIndex: PostgresPassageIndex;

  constructor(url: string) {
    this.db = openDatabase(url);
    this.passageIndex = new PostgresPassageIndex(this.db);
    this.knowledge = new PostgresKnowledgeStore(this.db);
    this.decisions = postgresDecisionStore(this.db);
  }

  getFile(path: string): StoredFile | undefined {
    const [file, documents] = this.db.batch([
      { text: "SELECT path, content_hash, size, mtime_ms FROM files WHERE path = $1", values: [path] },
      { text: "SELECT id FROM documents WHERE file_path = $1 ORDER BY ordinal", values: [path] },
    ]);
    const row = file!.rows[0] as { path: string; content_hash: string; size: number; mtime_ms: number } | undefined;
    if (!row) return undefined;
    const documentIds = (documents!.rows as { id: string }[]).map((r) => r.id);
    return { path: row.path, contentHash: row.content_hash, size: row.size, mtimeMs: row.mtime_ms, documentIds };
  }

  /** One round trip: the statements are built first, so a failure while building them changes nothing. */
  replaceFile(file: FileRecord, documents: readonly DocumentRecord[]): "added" | "updated" {
    const statements: SqlStatement[] = [
      { text: "SELECT 1 FROM files WHERE path = $1", values: [file.path] },
      { text: "DELETE FROM documents WHERE file_path = $1", values: [file.path] },
      {
        text: `INSERT INTO files (path, content_hash, size, mtime_ms) VALUES ($1, $2, $3, $4)
          ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size, mtime_ms = excluded.mtime_ms`,
        values: [file.path, file.contentHash, file.size, file.mtimeMs],
      },
    ];
    documents.forEach((record, ordinal) => statements.push(...documentStatements(file.path, ordinal, record)));
    const lexicon = lexiconStatement(documents);
    if (lexicon) statements.push(lexicon);
    try {
      const [existed] = this.db.batch(statements, true);
      return existed!.rowCount > 0 ? "updated" : "added";
    } catch (error) {
      if (error instanceof PostgresError && error.constraint === "documents_id_key") {
        throw this.duplicateDocument(file.path, documents);
      }
      throw error;
    }
  }

  private duplicateDocument(path: string, documents: readonly DocumentRecord[]): InputError {
    const ids = documents.map((d) => d.document.id);
    const owner = this.db.query<{ id: string; file_path: string }>(
      "SELECT id, file_path FROM documents WHERE id = ANY($1) AND file_path <> $2 LIMIT 1",
      [ids, path],
    ).rows[0];
    const id = owner?.id ?? ids.find((id, i) => ids.indexOf(id) !== i) ?? ids[0]!;
    return new InputError(
      `document ${id} (same content) is already stored from ${owner?.file_path ?? path}`,
      "duplicate-document",
    );
  }

  touchFile(path: string, size: number, mtimeMs: number): void {
    this.db.query("UPDATE files SET size = $1, mtime_ms = $2 WHERE path = $3", [size, mtimeMs, path]);
  }

  removeFile(path: string): boolean {
    return this.db.query("DELETE FROM files WHERE path = $1", [path]).rowCount > 0;
  }

  listDocuments(filter: DocumentFilter = {}): DocumentSummary[] {
    const rows = this.db.query<SummaryRow>(
      `SELECT id, path, title, format, kind, date, metadata::json->>'dateSource' AS date_source, passage_count
       FROM documents
       WHERE ($1::text[] IS NULL OR id = ANY($1)) AND ($2::text[] IS NULL OR kind = ANY($2))
         AND ($3::text IS NULL OR file_path = $3)
       ORDER BY file_path, ordinal`,
      [filter.ids ?? null, filter.kinds ?? null, filter.path ?? null],
    ).rows;
    return rows.map(fromSummaryRow);
  }

  getDocument(id: string): StoredDocument | undefined {
    const row = this.db.query<Omit<DocumentRow, "caseless"> & { caseless: boolean }>(
      "SELECT * FROM documents WHERE id = $1",
      [id],
    ).rows[0];
    return row ? fromDocumentRow({ ...row, caseless: row.caseless ? 1 : 0 }) : undefined;
  }

  countDocuments(): number {
    return this.db.query<{ n: number }>("SELECT count(*) AS n FROM documents").rows[0]!.n;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    return searchPassages(this.passageIndex, query, options);
  }

  facets(query: string, options: FacetOptions = {}): SearchFacets {
    return searchFacets(this.passageIndex, query, options);
  }

  lexicalEntries(words: readonly string[]): Map<string, LexicalEntry> {
    return this.passageIndex.lexicalEntries(words);
  }

  setDocumentRelations(relations: readonly DocumentRelation[]): void {
    const rows = relations.map((r) => ({
      document_id: r.documentId,
      related_id: r.relatedId,
      relation: r.relation,
      similarity: r.similarity,
    }));
    const insert = insertRows("document_relations", ["document_id", "related_id", "relation", "similarity"], rows);
    this.db.batch(
      [
        { text: "DELETE FROM document_relations" },
        {
          text: `${insert.text} ON CONFLICT (document_id, related_id, relation) DO UPDATE SET similarity = excluded.similarity`,
          values: insert.values ?? [],
        },
      ],
      true,
    );
  }

  documentRelations(): DocumentRelation[] {
    const rows = this.db.query<{
      document_id: string;
      related_id: string;
      relation: DocumentRelation["relation"];
      similarity: number;
    }>(
      "SELECT document_id, related_id, relation, similarity FROM document_relations ORDER BY document_id, similarity DESC",
    ).rows;
    return rows.map((r) => ({
      documentId: r.document_id,
      relatedId: r.related_id,
      relation: r.relation,
      similarity: r.similarity,
    }));
  }

  setDocumentSignature(documentId: string, signature: Uint32Array): void {
    const stored = this.db.query(
      `INSERT INTO document_signatures (document_rowid, signature) SELECT rowid, $2 FROM documents WHERE id = $1
       ON CONFLICT (document_rowid) DO UPDATE SET signature = excluded.signature`,
      [documentId, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength)],
    );
    if (stored.rowCount === 0) throw new InputError(`no document ${documentId} to sign`, "unknown-document");
  }

  signatures(): SignedDocument[] {
    const rows = this.db.query<{ id: string; kind: DocumentKind; date: string | null; signature: Uint8Array }>(
      `SELECT d.id, d.kind, d.date, s.signature FROM document_signatures s
       JOIN documents d ON d.rowid = s.document_rowid ORDER BY d.rowid`,
    ).rows;
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...(r.date === null ? {} : { date: r.date }),
      signature: signatureFromBytes(r.signature),
    }));
  }

  /** PostgreSQL keeps its own structures sound; what can drift is the derived data, checked here. */
  rebuildTopMatches(options: TopMatchOptions = {}): void {
    buildTopMatches(this.passageIndex.topMatches, options);
  }

  /**
   * The next transaction id the server will assign: only a transaction that writes is given one, so
   * it moves with every write to any of the server's databases and stays while they are only read.
   */
  changeStamp(): string {
    return this.db.query<{ xmax: string }>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax").rows[0]!
      .xmax;
  }

  integrityCheck(): string[] {
    const [passages, counts] = this.db.batch([
      { text: "SELECT count(*) AS n FROM passages WHERE fts IS NULL" },
      {
        text: `SELECT count(*) AS n FROM documents d
          WHERE passage_count <> (SELECT count(*) FROM passages p WHERE p.document_rowid = d.rowid)`,
      },
    ]);
    const problems: string[] = [];
    const unindexed = (passages!.rows[0] as { n: number }).n;
    if (unindexed > 0) problems.push(`full-text index: ${unindexed} passages without a tsvector`);
    const miscounted = (counts!.rows[0] as { n: number }).n;
    if (miscounted > 0) problems.push(`${miscounted} documents whose passage count differs from their passages`);
    return problems;
  }

  close(): void {
    this.db.close();
  }
}

/** A connection to `url` with the schema migrated; a server that cannot be reached is one clear InputError. */
function openDatabase(url: string): SyncPostgres {
  let db: SyncPostgres | undefined;
  try {
    db = new SyncPostgres(url);
    migratePostgres(db, redacted(url));
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof PostgresError) {
      throw new InputError(`cannot open ${redacted(url)}: ${error.message}`, "postgres-unavailable");
    }
    throw error;
  }
}

function documentStatements(filePath: string, ordinal: number, record: DocumentRecord): SqlStatement[] {
  const row = toDocumentRow(filePath, ordinal, record);
  const id = record.document.id;
  const statements = [
    insertRows("documents", DOCUMENT_COLUMNS, [{ ...row, caseless: row.caseless === 1 }]),
    insertRows("passages", PASSAGE_COLUMNS, record.passages.map(passageRow), id),
  ];
  if (record.signature) {
    statements.push(insertRows("document_signatures", ["signature"], [{ signature: byteaHex(record.signature) }], id));
  }
  if (record.mentions?.length)
    statements.push(insertRows("mentions", MENTION_COLUMNS, record.mentions.map(mentionRow), id));
  if (record.events?.length) {
    statements.push(
      insertRows(
        "event_mentions",
        ["data"],
        record.events.map((e) => ({ data: JSON.stringify(e) })),
        id,
      ),
    );
  }
  if (record.relations?.length) {
    const rows = record.relations.map((r) => ({ data: JSON.stringify(r) }));
    statements.push(insertRows("relation_mentions", ["data"], rows, id));
  }
  return statements;
}

/**
 * The documents' vocabulary added to the lexicon, last in the transaction and in one order (words
 * sorted): concurrent writers then wait on shared words only until the other commits, never on each other.
 */
function lexiconStatement(documents: readonly DocumentRecord[]): SqlStatement | undefined {
  const entries = new Map<string, VocabularyEntry>();
  for (const record of documents) for (const entry of record.vocabulary ?? []) entries.set(entry.word, entry);
  if (entries.size === 0) return undefined;
  const rows = [...entries.values()].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return {
    text: `INSERT INTO lexicon (word, lemma, stop)
      SELECT word, lemma, stop FROM json_populate_recordset(NULL::lexicon, $1::json) ON CONFLICT (word) DO NOTHING`,
    values: [toJson(rows)],
  };
}

export function passageRow(p: PassageRecord): Record<string, unknown> {
  return { ...p, section: p.section ?? null, terms: indexWords(p.terms), keys: indexWords(p.keys) };
}

/** The URL as messages show it: without a password. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

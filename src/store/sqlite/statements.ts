import type Database from "better-sqlite3";
import { INSERT_MENTION_SQL } from "./knowledge-store.js";

/** Every fixed statement of the SQLite store, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  const prepare = (sql: string) => db.prepare(sql);
  return {
    getFile: prepare("SELECT path, content_hash, size, mtime_ms FROM files WHERE path = ?"),
    documentIdsOfFile: prepare("SELECT id FROM documents WHERE file_path = ? ORDER BY ordinal"),
    upsertFile: prepare(`
      INSERT INTO files (path, content_hash, size, mtime_ms) VALUES (?, ?, ?, ?)
      ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size, mtime_ms = excluded.mtime_ms`),
    touchFile: prepare("UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?"),
    deleteFile: prepare("DELETE FROM files WHERE path = ?"),
    deleteDocumentsOfFile: prepare("DELETE FROM documents WHERE file_path = ?"),
    documentFile: prepare("SELECT file_path FROM documents WHERE id = ?"),
    documentRowid: prepare("SELECT rowid FROM documents WHERE id = ?"),
    insertDocument: prepare(`
      INSERT INTO documents (id, file_path, ordinal, path, title, format, kind, date, date_earliest, date_latest,
        passage_count, metadata, sections, infobox, markup, layout, decoding, map, dates, text, caseless, reference_date)
      VALUES (@id, @file_path, @ordinal, @path, @title, @format, @kind, @date, @date_earliest, @date_latest,
        @passage_count, @metadata, @sections, @infobox, @markup, @layout, @decoding, @map, @dates, @text, @caseless, @reference_date)`),
    insertMention: prepare(INSERT_MENTION_SQL),
    insertEventMention: prepare("INSERT INTO event_mentions (document_rowid, data) VALUES (?, ?)"),
    insertRelationMention: prepare("INSERT INTO relation_mentions (document_rowid, data) VALUES (?, ?)"),
    // Pages come in order: of two starting at one offset (an empty page), the later holds its text.
    insertPage: prepare("INSERT OR REPLACE INTO document_pages (document_rowid, start, number) VALUES (?, ?, ?)"),
    insertPassage: prepare('INSERT INTO passages (document_rowid, start, "end", section, text) VALUES (?, ?, ?, ?, ?)'),
    insertFts: prepare("INSERT INTO passages_fts (rowid, terms, keys) VALUES (?, ?, ?)"),
    listWrittenPassages: prepare(`
      INSERT OR IGNORE INTO top_match_written (passage_id)
        SELECT id FROM passages WHERE document_rowid = ? AND EXISTS (SELECT 1 FROM top_match_build)`),
    insertLexicon: prepare("INSERT OR IGNORE INTO lexicon (word, lemma, stop) VALUES (?, ?, ?)"),
    upsertSignature: prepare("INSERT OR REPLACE INTO document_signatures (document_rowid, signature) VALUES (?, ?)"),
    getDocument: prepare("SELECT * FROM documents WHERE id = ?"),
    countDocuments: prepare("SELECT count(*) AS n FROM documents"),
    listDocuments: prepare(`
      SELECT id, path, title, format, kind, date, json_extract(metadata, '$.dateSource') AS date_source, passage_count
      FROM documents
      WHERE (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
        AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
        AND (@path IS NULL OR file_path = @path)
      ORDER BY file_path, ordinal`),
    deleteRelations: prepare("DELETE FROM document_relations"),
    insertRelation: prepare(
      "INSERT OR REPLACE INTO document_relations (document_id, related_id, relation, similarity) VALUES (?, ?, ?, ?)",
    ),
    listRelations: prepare(
      "SELECT document_id, related_id, relation, similarity FROM document_relations ORDER BY document_id, similarity DESC",
    ),
    listSignatures: prepare(`
      SELECT d.id, d.kind, d.date, s.signature FROM document_signatures s
      JOIN documents d ON d.rowid = s.document_rowid ORDER BY d.rowid`),
    ftsIntegrityCheck: prepare("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')"),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

import type Database from "better-sqlite3";
import { InputError } from "../../core/errors.js";

export interface Migration {
  /** Consecutive from 1; the database's `user_version` is the last one applied. */
  version: number;
  description: string;
  sql: string;
}

/** "annl": marks a SQLite file as an annals knowledge base. */
export const APPLICATION_ID = 0x616e6e6c;

/**
 * Ordered schema changes. Never edit a released migration: append a new one.
 *
 * Passage text lives in `passages`; the FTS5 table is contentless (it holds only the index of the
 * `terms` and `keys` strings, which are never read back) with contentless_delete so rows can go.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "files, documents, passages, full-text index, relations, signatures",
    sql: `
      CREATE TABLE files (
        path TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL
      );
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        file_path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        format TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT,
        date_earliest TEXT,
        date_latest TEXT,
        passage_count INTEGER NOT NULL,
        metadata TEXT NOT NULL,
        sections TEXT NOT NULL,
        infobox TEXT NOT NULL,
        markup TEXT NOT NULL,
        decoding TEXT NOT NULL,
        map TEXT NOT NULL,
        dates TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX documents_file ON documents(file_path, ordinal);
      CREATE INDEX documents_kind ON documents(kind);
      CREATE INDEX documents_date ON documents(date_earliest, date_latest);
      CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        section TEXT,
        text TEXT NOT NULL
      );
      CREATE INDEX passages_document ON passages(document_rowid);
      CREATE VIRTUAL TABLE passages_fts USING fts5(
        terms, keys,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER passages_delete_fts AFTER DELETE ON passages BEGIN
        DELETE FROM passages_fts WHERE rowid = old.id;
      END;
      CREATE TABLE document_relations (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        related_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        relation TEXT NOT NULL CHECK (relation IN ('derived-from', 'near-duplicate')),
        similarity REAL NOT NULL,
        PRIMARY KEY (document_id, related_id, relation)
      );
      CREATE INDEX document_relations_related ON document_relations(related_id);
      CREATE TABLE document_signatures (
        document_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        signature BLOB NOT NULL
      );
    `,
  },
];

/**
 * Brings the schema up to the last migration, each step in its own transaction (taken with BEGIN
 * IMMEDIATE, so two processes opening a new file at once do not both migrate it). Refuses files that
 * are not annals knowledge bases and those written by a newer annals.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  if (schemaVersion(db, migrations) === latestVersion(migrations)) return;
  const step = db.transaction((migration: Migration) => {
    if (schemaVersion(db, migrations) >= migration.version) return;
    db.exec(migration.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${migration.version}`);
  });
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) step.immediate(migration);
}

/** Fails unless the schema is current, changing nothing (for read-only use). */
export function requireCurrentSchema(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  if (schemaVersion(db, migrations) === latestVersion(migrations)) return;
  throw new InputError(`${db.name} has an older schema: open it once for writing to upgrade it`, "old-schema");
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** The schema version of `db`, after checking it is an annals knowledge base this annals can read. */
function schemaVersion(db: Database.Database, migrations: readonly Migration[]): number {
  const version = db.pragma("user_version", { simple: true }) as number;
  const applicationId = db.pragma("application_id", { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw new InputError(
      `${db.name} is a SQLite database of another application, not an annals knowledge base`,
      "not-annals",
    );
  }
  if (version === 0 && applicationId === 0 && hasTables(db)) {
    throw new InputError(`${db.name} is a SQLite database but not an annals knowledge base`, "not-annals");
  }
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new InputError(
      `${db.name} was written by a newer annals (schema version ${version}; this annals knows up to ${latest}): upgrade annals to open it`,
      "newer-schema",
    );
  }
  return version;
}

function hasTables(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master LIMIT 1").get() !== undefined;
}

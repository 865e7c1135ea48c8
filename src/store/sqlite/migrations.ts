import type Database from "better-sqlite3";
import { InputError } from "../../core/errors.js";
import {
  checkedVersion,
  latestVersion,
  migrateSchema,
  type Migration,
  type VersionedSchema,
} from "../schema-version.js";

export type { Migration };

/** "annl": marks a SQLite file as an annals knowledge base. */
export const APPLICATION_ID = 0x616e6e6c;

/** Fills entity_aliases and entity_roles from entity_names and mentions (run by migration 4 and every corpus stage). */
export const ENTITY_COUNTS_SQL = `
  INSERT INTO entity_aliases (entity_id, alias, count)
    SELECT n.entity_id, m.text, count(*) FROM entity_names n
    JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
    GROUP BY n.entity_id, m.text;
  INSERT INTO entity_roles (entity_id, role, count)
    SELECT n.entity_id, m.role, count(*) FROM entity_names n
    JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
    WHERE m.role IS NOT NULL
    GROUP BY n.entity_id, m.role;`;

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
  {
    version: 2,
    description: "mentions, event and relation accounts per document; entities, events and claims of the corpus",
    sql: `
      ALTER TABLE documents ADD COLUMN caseless INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN reference_date TEXT;
      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT,
        alias_of TEXT,
        ref TEXT,
        extractor TEXT NOT NULL,
        confidence REAL NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_rowid, start);
      CREATE INDEX mentions_name ON mentions(type, name);
      CREATE TABLE event_mentions (
        id INTEGER PRIMARY KEY,
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        data TEXT NOT NULL
      );
      CREATE INDEX event_mentions_document ON event_mentions(document_rowid);
      CREATE TABLE relation_mentions (
        id INTEGER PRIMARY KEY,
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        data TEXT NOT NULL
      );
      CREATE INDEX relation_mentions_document ON relation_mentions(document_rowid);
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        mention_count INTEGER NOT NULL DEFAULT 0,
        merge_reasons TEXT NOT NULL
      );
      CREATE INDEX entities_type ON entities(type, mention_count DESC);
      CREATE INDEX entities_name ON entities(name_folded);
      CREATE TABLE entity_names (
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (document_rowid, type, name)
      ) WITHOUT ROWID;
      CREATE INDEX entity_names_entity ON entity_names(entity_id);
      CREATE INDEX entity_names_folded ON entity_names(name COLLATE NOCASE);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        label_folded TEXT NOT NULL,
        type TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        value TEXT,
        precision TEXT,
        place TEXT,
        mention_ids TEXT NOT NULL
      );
      CREATE INDEX events_start ON events(start);
      CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        property TEXT NOT NULL,
        value TEXT NOT NULL,
        value_entity_id TEXT,
        qualifier TEXT,
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote_start INTEGER NOT NULL,
        quote_end INTEGER NOT NULL,
        extractor TEXT NOT NULL,
        confidence REAL NOT NULL
      );
      CREATE INDEX claims_subject ON claims(subject_kind, subject_id, property);
      CREATE INDEX claims_value_entity ON claims(value_entity_id);
    `,
  },
  {
    version: 3,
    description: "mentions by document and name, passages by start: entity pages and quotes over large corpora",
    sql: `
      CREATE INDEX mentions_document_name ON mentions(document_rowid, type, name);
      CREATE INDEX passages_document_start ON passages(document_rowid, start);
    `,
  },
  {
    version: 4,
    description:
      "alias and role counts per entity kept by the corpus stage, claims about an entity in document order: entity pages without a pass over every mention",
    sql: `
      CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL,
        alias TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, alias)
      ) WITHOUT ROWID;
      CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL,
        role TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, role)
      ) WITHOUT ROWID;
      CREATE INDEX claims_value_entity_order ON claims(value_entity_id, document_rowid, start);
      DROP INDEX claims_value_entity;
      ${ENTITY_COUNTS_SQL}
    `,
  },
  {
    version: 5,
    description: "why each account of an event was merged into it",
    sql: `ALTER TABLE events ADD COLUMN merge_reasons TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    version: 6,
    description: "pages and page furniture of paged sources (PDF, scans, OCR text), as JSON {pages?, furniture?}",
    sql: "ALTER TABLE documents ADD COLUMN layout TEXT NOT NULL DEFAULT '{}';",
  },
  {
    version: 7,
    description:
      "the user's decisions (append-only) and their status, redirects of merged entity ids, entity keys, mentions' extracted type and name kept when a decision changes them",
    sql: `
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        user TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undoes INTEGER REFERENCES decisions(id)
      );
      CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions BEGIN
        SELECT RAISE(ABORT, 'decisions are append-only: undo one by appending a tombstone');
      END;
      CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions BEGIN
        SELECT RAISE(ABORT, 'decisions are append-only: undo one by appending a tombstone');
      END;
      CREATE TABLE decision_status (
        decision_id INTEGER PRIMARY KEY REFERENCES decisions(id),
        status TEXT NOT NULL,
        why TEXT
      );
      CREATE TABLE entity_redirects (
        from_id TEXT PRIMARY KEY,
        to_id TEXT NOT NULL
      ) WITHOUT ROWID;
      ALTER TABLE entities ADD COLUMN key TEXT NOT NULL DEFAULT '';
      ALTER TABLE mentions ADD COLUMN extracted_type TEXT;
      ALTER TABLE mentions ADD COLUMN extracted_name TEXT;
      CREATE INDEX mentions_edited ON mentions(id) WHERE extracted_type IS NOT NULL;
    `,
  },
  {
    version: 8,
    description:
      "precomputed best matches of frequent one-word queries (search/top-matches.ts), emptied by any passage write",
    sql: `
      CREATE TABLE top_match_queries (
        id INTEGER PRIMARY KEY,
        expression TEXT NOT NULL UNIQUE,
        matches INTEGER NOT NULL,
        kept INTEGER NOT NULL
      );
      CREATE TABLE top_matches (
        query_id INTEGER NOT NULL,
        rank REAL NOT NULL,
        passage_id INTEGER NOT NULL,
        PRIMARY KEY (query_id, rank, passage_id)
      ) WITHOUT ROWID;
      CREATE TABLE top_match_build (k INTEGER NOT NULL, min_matches INTEGER NOT NULL);
      CREATE TRIGGER passages_insert_top_matches AFTER INSERT ON passages
      WHEN EXISTS (SELECT 1 FROM top_match_build) BEGIN
        DELETE FROM top_matches;
        DELETE FROM top_match_queries;
        DELETE FROM top_match_build;
      END;
      CREATE TRIGGER passages_delete_top_matches AFTER DELETE ON passages
      WHEN EXISTS (SELECT 1 FROM top_match_build) BEGIN
        DELETE FROM top_matches;
        DELETE FROM top_match_queries;
        DELETE FROM top_match_build;
      END;
    `,
  },
  {
    version: 9,
    description:
      "names, entities and markup identifiers of documents removed since the last corpus stage, which re-resolves what they touched",
    sql: `
      CREATE TABLE corpus_stale (kind TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL);
      CREATE TRIGGER documents_delete_corpus_stale BEFORE DELETE ON documents BEGIN
        INSERT INTO corpus_stale (kind, type, value)
          SELECT 'name', type, name FROM entity_names WHERE document_rowid = OLD.rowid;
        INSERT INTO corpus_stale (kind, type, value)
          SELECT DISTINCT 'entity', '', entity_id FROM entity_names WHERE document_rowid = OLD.rowid;
        INSERT INTO corpus_stale (kind, type, value)
          SELECT DISTINCT 'ref', type, ref FROM mentions WHERE document_rowid = OLD.rowid AND ref IS NOT NULL;
      END;
    `,
  },
  {
    version: 10,
    description:
      "the top-match table kept through passage writes, which it lists to rescore (search/top-matches.ts), with what its bounds need",
    sql: `
      DROP TRIGGER passages_insert_top_matches;
      DROP TRIGGER passages_delete_top_matches;
      DROP TABLE top_matches;
      DROP TABLE top_match_queries;
      DROP TABLE top_match_build;
      CREATE TABLE top_match_queries (
        id INTEGER PRIMARY KEY,
        expression TEXT NOT NULL UNIQUE,
        matches INTEGER NOT NULL,
        kept INTEGER NOT NULL,
        cutoff REAL NOT NULL,
        phrase_matches TEXT NOT NULL
      );
      CREATE TABLE top_matches (
        query_id INTEGER NOT NULL,
        rank REAL NOT NULL,
        passage_id INTEGER NOT NULL,
        PRIMARY KEY (query_id, rank, passage_id)
      ) WITHOUT ROWID;
      CREATE TABLE top_match_build (
        k INTEGER NOT NULL,
        min_matches INTEGER NOT NULL,
        passages INTEGER NOT NULL,
        tokens INTEGER NOT NULL
      );
      CREATE TABLE top_match_written (passage_id INTEGER PRIMARY KEY);
      CREATE TRIGGER passages_insert_top_matches AFTER INSERT ON passages
      WHEN EXISTS (SELECT 1 FROM top_match_build) BEGIN
        INSERT OR IGNORE INTO top_match_written (passage_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER passages_delete_top_matches AFTER DELETE ON passages
      WHEN EXISTS (SELECT 1 FROM top_match_build) BEGIN
        INSERT OR IGNORE INTO top_match_written (passage_id) VALUES (OLD.id);
      END;
    `,
  },
  {
    version: 11,
    description:
      "the lemma and stop flag of every word passages were segmented with (search/vocabulary.ts), so that a search need not load wink-nlp; documents stored before are not in it (their words are looked up in wink-nlp as before)",
    sql: `
      CREATE TABLE lexicon (
        word TEXT PRIMARY KEY,
        lemma TEXT NOT NULL,
        stop INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    description:
      "where each page of a document starts, apart from its layout: the layout column follows the text in the row, so reading it walks the text's overflow pages (~1 ms a row for a 1 MB document) for every search hit, mention and quote",
    sql: `
      CREATE TABLE document_pages (
        document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        number INTEGER NOT NULL,
        PRIMARY KEY (document_rowid, start)
      ) WITHOUT ROWID;
      INSERT INTO document_pages (document_rowid, start, number)
        SELECT d.rowid, json_extract(pg.value, '$.start'), max(json_extract(pg.value, '$.number'))
        FROM documents d, json_each(d.layout, '$.pages') pg
        GROUP BY d.rowid, json_extract(pg.value, '$.start');
    `,
  },
  {
    version: 13,
    description:
      "the documents the last corpus stage saw, so that the next one merges again only the events of new documents (ingest/corpus-changes.ts)",
    sql: `
      CREATE TABLE corpus_documents (
        document_rowid INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        PRIMARY KEY (document_rowid, document_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 14,
    description:
      "passages inserted since the top-match build are listed by the store's insert, one statement a document: any AFTER INSERT trigger on passages, even one that never fires, made each passage insert ~20× slower",
    sql: `DROP TRIGGER passages_insert_top_matches;`,
  },
  {
    version: 15,
    description:
      "the claims whose value is an entity, by that entity, kind and subject: an entity page counts the entities it is the value of without reading every claim naming it (34 ms to 0.06 at 200 MB for a much-named entity)",
    sql: `CREATE INDEX IF NOT EXISTS claims_value_entity_subject ON claims (value_entity_id, subject_kind, subject_id, property);`,
  },
];

/**
 * Brings the schema up to the last migration, each step in its own transaction (taken with BEGIN
 * IMMEDIATE, so two processes opening a new file at once do not both migrate it). Refuses files that
 * are not annals knowledge bases and those written by a newer annals.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  migrateSchema(sqliteSchema(db), migrations);
}

/** Fails unless the schema is current, changing nothing (for read-only use). */
export function requireCurrentSchema(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  if (checkedVersion(sqliteSchema(db), migrations) === latestVersion(migrations)) return;
  throw new InputError(`${db.name} has an older schema: open it once for writing to upgrade it`, "old-schema");
}

/** The version is the file's `user_version`; `application_id` marks the file as annals'. */
function sqliteSchema(db: Database.Database): VersionedSchema {
  return {
    where: db.name,
    version: () => {
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
      return version;
    },
    exclusively: (step) => db.transaction(step).immediate(),
    apply: (migration) => {
      db.exec(migration.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    },
  };
}

function hasTables(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master LIMIT 1").get() !== undefined;
}

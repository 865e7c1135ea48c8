import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { openStore } from "../../src/store/index.js";
import { APPLICATION_ID, MIGRATIONS, migrate, type Migration } from "../../src/store/sqlite/migrations.js";
import { ingest } from "../../src/ingest/ingest.js";
import { buildPassages } from "../../src/search/passages.js";
import { makeDocument, makeRecord } from "./make-document.js";

describe("schema versions", () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "annals-migrations-"));
    path = join(dir, "kb.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  const INSERT_TRIGGER_OF_10 = `CREATE TRIGGER passages_insert_top_matches AFTER INSERT ON passages
    WHEN EXISTS (SELECT 1 FROM top_match_build) BEGIN
      INSERT OR IGNORE INTO top_match_written (passage_id) VALUES (NEW.id);
    END`;

  it("creates a new knowledge base at the latest version, in WAL mode", () => {
    openStore(path).close();
    const db = new Database(path);
    expect(db.pragma("user_version", { simple: true })).toBe(latest);
    expect(db.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    openStore(path).close();
  });

  it("refuses a knowledge base written by a newer annals", () => {
    openStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${latest + 1}`);
    db.close();
    expect(() => openStore(path)).toThrow(InputError);
    expect(() => openStore(path)).toThrow(`schema version ${latest + 1}; this annals knows up to ${latest}`);
  });

  it("refuses SQLite files that are not annals knowledge bases", () => {
    const db = new Database(path);
    db.exec("CREATE TABLE something (x)");
    db.close();
    expect(() => openStore(path)).toThrow(/not an annals knowledge base/);
    const other = new Database(path);
    other.pragma("application_id = 42");
    other.close();
    expect(() => openStore(path)).toThrow(/another application/);
  });

  it("applies pending migrations in version order, each once", () => {
    const applied: number[] = [];
    const migrations: Migration[] = [
      { version: 2, description: "second", sql: "CREATE TABLE second (x); INSERT INTO first VALUES (2);" },
      { version: 1, description: "first", sql: "CREATE TABLE first (x); INSERT INTO first VALUES (1);" },
    ];
    const db = new Database(path);
    migrate(db, migrations.slice(1));
    migrate(db, migrations);
    migrate(db, migrations);
    for (const row of db.prepare("SELECT x FROM first").all() as { x: number }[]) applied.push(row.x);
    expect(applied).toEqual([1, 2]);
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    db.close();
  });

  it("rolls a failing migration back and keeps the previous version", () => {
    const db = new Database(path);
    const good: Migration = { version: 1, description: "good", sql: "CREATE TABLE t (x);" };
    const bad: Migration = {
      version: 2,
      description: "bad",
      sql: "CREATE TABLE u (x); INSERT INTO missing VALUES (1);",
    };
    expect(() => migrate(db, [good, bad])).toThrow(/no such table: missing/);
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").get()).toBeUndefined();
    db.close();
  });

  it("opens read-only without changing anything, and refuses an older schema there", () => {
    const db = new Database(path);
    migrate(db, []);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    expect(() => openStore(path, { readonly: true })).toThrow(/older schema/);
    openStore(path).close();
    const store = openStore(path, { readonly: true });
    expect(store.countDocuments()).toBe(0);
    store.close();
  });

  it("upgrades a version 3 knowledge base with its entities' alias and role counts filled in", async () => {
    const store = openStore(path);
    await ingest(store, [join(import.meta.dirname, "../../examples/seeds")], { workers: 0 });
    const entity = store.knowledge.entities({ type: "person", limit: 1 })[0]!;
    const aliases = store.knowledge.aliasCounts(entity.id);
    const roles = store.knowledge.roleCounts(entity.id);
    store.close();
    expect(aliases.reduce((sum, a) => sum + a.count, 0)).toBe(entity.mentions);

    const db = new Database(path);
    db.exec(`DROP TABLE entity_aliases; DROP TABLE entity_roles; DROP INDEX claims_value_entity_order;
      ALTER TABLE events DROP COLUMN merge_reasons; ALTER TABLE documents DROP COLUMN layout;
      CREATE INDEX claims_value_entity ON claims(value_entity_id);
      DROP TABLE decision_status; DROP TABLE decisions; DROP TABLE entity_redirects; DROP INDEX mentions_edited;
      ALTER TABLE entities DROP COLUMN key; ALTER TABLE mentions DROP COLUMN extracted_type;
      ALTER TABLE mentions DROP COLUMN extracted_name;
      DROP TRIGGER passages_delete_top_matches;
      DROP TABLE top_matches; DROP TABLE top_match_queries; DROP TABLE top_match_build; DROP TABLE top_match_written;
      DROP TRIGGER documents_delete_corpus_stale; DROP TABLE corpus_stale; DROP TABLE lexicon; DROP TABLE document_pages; DROP TABLE corpus_documents; PRAGMA user_version = 3`);
    db.close();
    const upgraded = openStore(path);
    expect(upgraded.knowledge.aliasCounts(entity.id)).toEqual(aliases);
    expect(upgraded.knowledge.roleCounts(entity.id)).toEqual(roles);
    upgraded.close();
  });

  it("upgrades a version 11 knowledge base with its documents' pages, and forgets a removed document's pages", () => {
    const text = "Qasim spoke on the radio.\n\nArif read the statement from Baghdad.";
    const two = text.indexOf("Arif");
    const pages = [
      { start: 0, end: two, number: 1 },
      { start: two, end: two, number: 2 },
      { start: two, end: text.length, number: 3 },
    ];
    const document = makeDocument("paged", text, { pages });
    const passages = buildPassages(document, undefined, { onePerParagraph: true });
    const store = openStore(path);
    store.replaceFile({ path: "paged.txt", contentHash: "h", size: 1, mtimeMs: 1 }, [
      makeRecord(document, { passages }),
    ]);
    store.close();
    const db = new Database(path);
    db.exec(
      `${INSERT_TRIGGER_OF_10}; DROP TABLE document_pages; DROP TABLE corpus_documents; PRAGMA user_version = 11`,
    );
    db.close();

    const upgraded = openStore(path);
    const page = (query: string) => upgraded.search(query).hits.map((h) => h.page);
    // An empty page 2 starts where page 3 does: the text there is page 3's.
    expect([page("Qasim"), page("Baghdad")]).toEqual([[1], [3]]);
    upgraded.removeFile("paged.txt");
    upgraded.close();
    const after = new Database(path);
    expect(after.prepare("SELECT count(*) AS n FROM document_pages").get()).toEqual({ n: 0 });
    after.close();
  });

  it("upgrades a version 10 knowledge base to an empty lexicon, its searches unchanged, and fills it as documents come", async () => {
    const seeds = join(import.meta.dirname, "../../examples/seeds");
    const store = openStore(path);
    await ingest(store, [seeds], { workers: 0 });
    const queries = ["Qasim", "Free Officers", "Ba'ath OR communists", '"the revolution"', "Kassem"];
    const before = queries.map((q) => store.search(q, { countTotal: true }));
    const documents = store.listDocuments();
    store.close();

    const db = new Database(path);
    db.exec(
      `${INSERT_TRIGGER_OF_10}; DROP TABLE lexicon; DROP TABLE document_pages; DROP TABLE corpus_documents; PRAGMA user_version = 10`,
    );
    db.close();
    const upgraded = openStore(path);
    expect(upgraded.listDocuments()).toEqual(documents);
    expect(upgraded.lexicalEntries(["Qasim", "the"]).size).toBe(0);
    expect(queries.map((q) => upgraded.search(q, { countTotal: true }))).toEqual(before);
    for (const d of documents) upgraded.removeFile(d.path);
    await ingest(upgraded, [seeds], { workers: 0 });
    expect([...upgraded.lexicalEntries(["Qasim", "the"]).keys()].sort()).toEqual(["Qasim", "the"]);
    upgraded.close();
  });

  it("upgrades a version 13 knowledge base to one whose passage inserts list what the top-match table must rescore", () => {
    const store = openStore(path);
    const file = (name: string) => ({ path: `${name}.txt`, contentHash: name, size: 1, mtimeMs: 1 });
    const record = (name: string, text: string) => {
      const document = makeDocument(name, text);
      return makeRecord(document, { passages: buildPassages(document, undefined, { onePerParagraph: true }) });
    };
    store.replaceFile(file("first"), [record("first", "Qasim spoke on the radio.\n\nArif read the statement.")]);
    store.rebuildTopMatches({ k: 5, minMatches: 1 });
    store.close();
    const db = new Database(path);
    db.exec(`${INSERT_TRIGGER_OF_10}; PRAGMA user_version = 13`);
    db.close();

    const upgraded = openStore(path);
    upgraded.replaceFile(file("second"), [
      record("second", "Arif spoke from Baghdad.\n\nQasim was not there.\n\nThe radio was silent."),
    ]);
    upgraded.close();
    const after = new Database(path);
    const triggers = after
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'passages'")
      .all();
    expect(triggers).toEqual(expect.not.arrayContaining([{ name: "passages_insert_top_matches" }]));
    const written = after.prepare("SELECT count(*) AS n FROM top_match_written").get();
    expect(written).toEqual({ n: 3 });
    after.close();
  });
});

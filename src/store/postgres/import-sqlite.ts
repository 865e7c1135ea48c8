import Database from "better-sqlite3";
import { InputError } from "../../core/errors.js";
import { textDocument } from "../../core/text-document.js";
import { buildPassages } from "../../search/passages.js";
import { fromDocumentRow, type DocumentRow } from "../document-rows.js";
import { requireCurrentSchema } from "../sqlite/migrations.js";
import type { PassageRecord } from "../../search/passages.js";
import { PostgresStore, passageRow, redacted } from "./postgres-store.js";
import { byteaHex, insertRows } from "./rows.js";
import { SyncPostgres, type SqlStatement } from "./sync-client.js";

/** Tables in an order that satisfies every foreign key; any other table both schemas have comes after. */
const TABLE_ORDER = [
  "files",
  "documents",
  "passages",
  "document_relations",
  "document_signatures",
  "mentions",
  "event_mentions",
  "relation_mentions",
  "entities",
  "entity_names",
  "entity_aliases",
  "entity_roles",
  "events",
  "claims",
  "entity_redirects",
  "decisions",
  "decision_status",
];

/**
 * SQLite's own tables, the FTS5 index (rebuilt on PostgreSQL as the passages' tsvector), the top
 * matches precomputed from FTS5's scores (PostgreSQL ranks with its own) and the page starts SQLite
 * keeps apart from the documents' layout (PostgreSQL reads them from the layout, stored out of line).
 */
const NOT_COPIED = /^(sqlite_|passages_fts|top_match|document_pages$)/;

/** Rows per INSERT statement and statements per round trip. */
const ROWS_PER_STATEMENT = 2000;
const STATEMENTS_PER_CALL = 20;

export interface MigrationReport {
  /** Rows copied per table. */
  tables: Record<string, number>;
}

/**
 * Copies a SQLite knowledge base into an empty PostgreSQL one, in one transaction: every table with
 * its ids (so entity, event-mention and claim references stay valid), the passages' index strings
 * recomputed from their documents (SQLite's FTS5 index does not keep them). A table the PostgreSQL
 * schema lacks (a newer SQLite schema) stops the copy before anything is written. The top-match table
 * (not copied: its keys are FTS5 expressions) is built afterwards, as an ingest's end would.
 */
export function migrateSqliteToPostgres(sqlitePath: string, url: string): MigrationReport {
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    requireCurrentSchema(source);
    const store = new PostgresStore(url);
    try {
      const target = new SyncPostgres(url);
      let report: MigrationReport;
      try {
        report = copyAll(source, target, redacted(url));
      } finally {
        target.close();
      }
      store.rebuildTopMatches();
      return report;
    } finally {
      store.close();
    }
  } finally {
    source.close();
  }
}

function copyAll(source: Database.Database, target: SyncPostgres, where: string): MigrationReport {
  const tables = sourceTables(source);
  const targetColumns = columnsOf(target);
  const missing = tables.filter((t) => !targetColumns.has(t));
  if (missing.length > 0) {
    throw new InputError(`${where} has no table ${missing.join(", ")}: upgrade annals there first`, "migrate-schema");
  }
  const stored = target.query<{ n: number }>("SELECT count(*) AS n FROM files").rows[0]!.n;
  if (stored > 0)
    throw new InputError(`${where} already holds ${stored} files: migrate into an empty database`, "not-empty");
  const report: MigrationReport = { tables: {} };
  target.transaction(() => {
    const pending = new Batcher(target);
    for (const table of tables) {
      const columns = sqliteColumns(source, table).filter((c) => targetColumns.get(table)!.has(c));
      report.tables[table] =
        table === "passages" ? copyPassages(source, pending) : copyTable(source, table, columns, pending);
    }
    pending.flush();
    const identities = target.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND is_identity = 'YES'`,
    ).rows;
    for (const { table_name: table, column_name: column } of identities) {
      target.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${column}) FROM ${table}), 0) + 1, false)`,
        [table, column],
      );
    }
  });
  return report;
}

function sourceTables(source: Database.Database): string[] {
  const names = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !NOT_COPIED.test(name));
  const rank = (name: string) => (TABLE_ORDER.includes(name) ? TABLE_ORDER.indexOf(name) : TABLE_ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function sqliteColumns(source: Database.Database, table: string): string[] {
  return (source.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

/** Every table of the target schema with its columns (generated ones excluded). */
function columnsOf(target: SyncPostgres): Map<string, Set<string>> {
  const rows = target.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_generated = 'NEVER'`,
  ).rows;
  const tables = new Map<string, Set<string>>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? new Set<string>();
    columns.add(r.column_name);
    tables.set(r.table_name, columns);
  }
  return tables;
}

function copyTable(source: Database.Database, table: string, columns: string[], pending: Batcher): number {
  let count = 0;
  let rows: Record<string, unknown>[] = [];
  const flush = () => {
    if (rows.length > 0) pending.add(insertRows(table, columns, rows));
    rows = [];
  };
  for (const row of source.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) {
    rows.push(portable(row));
    count++;
    if (rows.length >= ROWS_PER_STATEMENT) flush();
  }
  flush();
  return count;
}

/** Values as json_populate_recordset reads them: blobs as bytea hex. */
function portable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = Buffer.isBuffer(value) ? byteaHex(value) : value;
  return out;
}

/** Passages with their index strings, rebuilt per document; a passage the rebuild does not give is indexed alone. */
function copyPassages(source: Database.Database, pending: Batcher): number {
  const passagesOf = source.prepare(
    'SELECT id, start, "end", section, text FROM passages WHERE document_rowid = ? ORDER BY id',
  );
  let count = 0;
  for (const row of source.prepare("SELECT * FROM documents ORDER BY rowid").iterate() as IterableIterator<
    DocumentRow & { rowid: number }
  >) {
    const rebuilt = new Map(buildPassages(fromDocumentRow(row).document).map((p) => [`${p.start}:${p.end}`, p]));
    const stored = passagesOf.all(row.rowid) as {
      id: number;
      start: number;
      end: number;
      section: string | null;
      text: string;
    }[];
    const rows = stored.map((p) => {
      const index = rebuilt.get(`${p.start}:${p.end}`) ?? indexAlone(p.text);
      const record: PassageRecord = { start: p.start, end: p.end, text: p.text, terms: index.terms, keys: index.keys };
      return { ...passageRow(record), section: p.section, id: p.id, document_rowid: row.rowid };
    });
    if (rows.length > 0) {
      pending.add(
        insertRows("passages", ["id", "document_rowid", "start", "end", "section", "text", "terms", "keys"], rows),
      );
    }
    count += rows.length;
  }
  return count;
}

function indexAlone(text: string): { terms: string; keys: string } {
  const passages = buildPassages(textDocument(text));
  return { terms: passages.map((p) => p.terms).join(" "), keys: passages.map((p) => p.keys).join(" ") };
}

/** Statements sent a few dozen per round trip. */
class Batcher {
  private statements: SqlStatement[] = [];
  constructor(private readonly target: SyncPostgres) {}

  add(statement: SqlStatement): void {
    this.statements.push(statement);
    if (this.statements.length >= STATEMENTS_PER_CALL) this.flush();
  }

  flush(): void {
    if (this.statements.length === 0) return;
    this.target.batch(this.statements);
    this.statements = [];
  }
}

import type { SqlStatement } from "./sync-client.js";

/**
 * An INSERT of many rows in one statement: the rows travel as one JSON parameter and
 * json_populate_recordset gives them the table's column types. With `documentId`, column
 * `document_rowid` is filled from the stored document of that id.
 */
export function insertRows(
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  documentId?: string,
): SqlStatement {
  const list = columns.map((c) => `"${c}"`).join(", ");
  const values: unknown[] = [toJson(rows)];
  if (documentId === undefined) {
    return {
      text: `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      values,
    };
  }
  values.push(documentId);
  return {
    text: `INSERT INTO ${table} (document_rowid, ${list})
      SELECT (SELECT rowid FROM documents WHERE id = $2), ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`,
    values,
  };
}

/** An odd run of backslashes before u0000 is JSON's escape of NUL (an even run is escaped backslashes). */
const JSON_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL text cannot hold NUL: it is stored as U+FFFD, one UTF-16 unit like NUL, so every
 * offset into the text stays valid.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_NUL, "$1\\ufffd");
}

/** A bytea value as json_populate_recordset reads it from a string. */
export function byteaHex(bytes: ArrayBufferView): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

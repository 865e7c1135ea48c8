import { MappedTextBuilder, OffsetMap } from "../../core/offset-map.js";
import type { Span, TableRow } from "../../core/document.js";
import type { ParsedDocument } from "../reader.js";
import type { CellPiece } from "./table-delimited.js";

/** A cell as a reader found it: its value and, for a text file, the source characters it came from. */
export interface TableCellInput {
  value: string;
  pieces?: CellPiece[];
}

export interface TableRowInput {
  line: number;
  /** Source offset the row's synthetic text (line label, column names) is anchored at. */
  start: number;
  cells: TableCellInput[];
}

export interface TableDocumentOptions {
  title: string;
  /** What `line` counts: "line" of a text file, "row" of a spreadsheet. */
  lineWord: "line" | "row";
  /** The text the cells' pieces point into; without one the map is the identity over the document text. */
  source?: string;
  part?: string;
  /** Warn of rows whose cell count is not the header's (a delimited file; a spreadsheet leaves trailing cells out). */
  checkWidths?: boolean;
}

const NUMBER = /^(?=.*\d)[-+]?(?:\d[\d,]*)?(?:\.\d+)?(?:e[-+]?\d+)?$/i;
const MAX_WARNED_LINES = 5;

/**
 * A table as a document: one line of text per row, "line 12: country: Iraq; year: 1963; …", so every
 * row is quoted with its line. Cell values keep their map to the source; labels and separators are
 * inserted text. The first row is the header when its cells are distinct non-numeric names.
 */
export function tableDocument(rows: readonly TableRowInput[], options: TableDocumentOptions): ParsedDocument {
  const first = rows[0];
  const header = first && isHeader(first.cells) ? first : undefined;
  const body = header ? rows.slice(1) : rows;
  const width = Math.max(header?.cells.length ?? 0, ...body.map((row) => row.cells.length));
  const columns = Array.from({ length: width }, (_, i) => header?.cells[i]?.value.trim() || `column ${i + 1}`);
  const out = new MappedTextBuilder(options.source ?? "");
  const tableRows: TableRow[] = [];
  let previousEnd = 0;
  for (const row of body) {
    if (out.textLength > 0) out.insert("\n", previousEnd);
    tableRows.push(writeRow(out, row, columns, options.lineWord));
    previousEnd = lastSourceOffset(row) ?? row.start;
  }
  const { text, map } = out.build();
  const warning =
    header && options.checkWidths ? raggedWarning(body, header.cells.length, options.lineWord) : undefined;
  return {
    title: options.title,
    format: "table",
    kind: "dataset",
    metadata: {},
    sections: [],
    infobox: [],
    markup: [],
    table: { columns, rows: tableRows, ...(warning ? { warning } : {}) },
    text,
    map: options.source === undefined ? OffsetMap.identity(text.length) : map,
    ...(options.part === undefined ? {} : { part: options.part }),
  };
}

function writeRow(out: MappedTextBuilder, row: TableRowInput, columns: string[], lineWord: string): TableRow {
  const start = out.textLength;
  out.insert(`${lineWord} ${row.line}: `, row.start);
  const cells: (Span | null)[] = columns.map(() => null);
  let written = 0;
  row.cells.forEach((cell, i) => {
    if (cell.value.trim() === "") return;
    const anchor = cell.pieces?.[0]?.start ?? row.start;
    out.insert(`${written++ > 0 ? "; " : ""}${columns[i]}: `, anchor);
    const valueStart = out.textLength;
    if (cell.pieces) for (const piece of cell.pieces) out.replace(piece.text, piece.start, piece.end);
    else out.insert(cell.value, anchor);
    cells[i] = { start: valueStart, end: out.textLength };
  });
  return { line: row.line, start, end: out.textLength, cells };
}

function lastSourceOffset(row: TableRowInput): number | undefined {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const piece = row.cells[i]!.pieces?.at(-1);
    if (piece) return piece.end;
  }
  return undefined;
}

function isHeader(cells: readonly TableCellInput[]): boolean {
  const names = cells.map((cell) => cell.value.trim().toLowerCase());
  if (names.length === 0 || names.some((name) => name === "" || NUMBER.test(name))) return false;
  return new Set(names).size === names.length;
}

function raggedWarning(rows: readonly TableRowInput[], width: number, lineWord: string): string | undefined {
  const ragged = rows.filter((row) => row.cells.length !== width);
  if (ragged.length === 0) return undefined;
  const shown = ragged.slice(0, MAX_WARNED_LINES).map((row) => `${row.line} (${row.cells.length})`);
  const more = ragged.length > MAX_WARNED_LINES ? ` and ${ragged.length - MAX_WARNED_LINES} more` : "";
  return (
    `${ragged.length} row(s) do not have the header's ${width} cells: ${lineWord} ${shown.join(", ")}${more}; ` +
    "check the delimiters and quotes there (their cells were read in order)"
  );
}

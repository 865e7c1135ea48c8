import { InputError } from "../../core/errors.js";

/** Characters of a cell's value and the source span they stand for (verbatim, or an unescaped `""`, or a folded line break). */
export interface CellPiece {
  start: number;
  end: number;
  text: string;
}

export interface DelimitedCell {
  value: string;
  pieces: CellPiece[];
}

export interface DelimitedRecord {
  /** Line of the file (from 1) where the record starts. */
  line: number;
  start: number;
  end: number;
  cells: DelimitedCell[];
}

/**
 * The records of delimited text (RFC 4180: quoted fields hold delimiters, doubled quotes and line
 * breaks), each cell with the offsets of its characters. A small parser of our own because the offset
 * map needs every cell's position, and csv-parse reports positions only per record. Unquoted cells
 * are trimmed; blank lines are skipped. Throws `InputError` for a quote that is never closed.
 */
export function* delimitedRecords(text: string, delimiter: string, limit = Infinity): Generator<DelimitedRecord> {
  const cursor = { at: 0, line: 1 };
  let count = 0;
  while (cursor.at < text.length && count < limit) {
    if (skipLineBreak(text, cursor)) continue;
    const start = cursor.at;
    const line = cursor.line;
    const cells: DelimitedCell[] = [];
    for (;;) {
      cells.push(text[cursor.at] === '"' ? quotedCell(text, delimiter, cursor) : plainCell(text, delimiter, cursor));
      if (text[cursor.at] !== delimiter) break;
      cursor.at++;
    }
    const end = cursor.at;
    skipLineBreak(text, cursor);
    count++;
    yield { line, start, end, cells };
  }
}

function isLineBreak(char: string | undefined): boolean {
  return char === "\n" || char === "\r";
}

function skipLineBreak(text: string, cursor: { at: number; line: number }): boolean {
  if (!isLineBreak(text[cursor.at])) return false;
  cursor.at += text[cursor.at] === "\r" && text[cursor.at + 1] === "\n" ? 2 : 1;
  cursor.line++;
  return true;
}

function plainCell(text: string, delimiter: string, cursor: { at: number }): DelimitedCell {
  let start = cursor.at;
  while (cursor.at < text.length && text[cursor.at] !== delimiter && !isLineBreak(text[cursor.at])) cursor.at++;
  let end = cursor.at;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const value = text.slice(start, end);
  return { value, pieces: value ? [{ start, end, text: value }] : [] };
}

function quotedCell(text: string, delimiter: string, cursor: { at: number; line: number }): DelimitedCell {
  const open = cursor.at;
  const openLine = cursor.line;
  const pieces: CellPiece[] = [];
  const verbatim = (from: number, to: number): void => {
    if (to > from) pieces.push({ start: from, end: to, text: text.slice(from, to) });
  };
  let from = ++cursor.at;
  for (;;) {
    if (cursor.at >= text.length) {
      throw new InputError(
        `line ${openLine}: a quoted field opened here is never closed; add the closing quote (") or save the table again`,
        "malformed-table",
        open,
      );
    }
    const char = text[cursor.at]!;
    if (char === '"') {
      verbatim(from, cursor.at);
      if (text[cursor.at + 1] !== '"') break;
      pieces.push({ start: cursor.at, end: cursor.at + 2, text: '"' });
      cursor.at += 2;
      from = cursor.at;
    } else if (isLineBreak(char)) {
      verbatim(from, cursor.at);
      const at = cursor.at;
      skipLineBreak(text, cursor);
      pieces.push({ start: at, end: cursor.at, text: " " });
      from = cursor.at;
    } else cursor.at++;
  }
  // Characters between the closing quote and the next delimiter are kept, as lenient parsers do.
  from = ++cursor.at;
  while (cursor.at < text.length && text[cursor.at] !== delimiter && !isLineBreak(text[cursor.at])) cursor.at++;
  verbatim(from, cursor.at);
  return { value: pieces.map((piece) => piece.text).join(""), pieces };
}

const DELIMITERS = [",", "\t", ";"] as const;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 40;
/** Share of sampled records that must have the modal cell count: a ragged row or two still make a table. */
const MIN_CONSISTENT_SHARE = 0.8;
/** Rows whose longest cell has this many words, or whose cells this many on average, are prose. */
const PROSE_CELL_WORDS = 25;
const PROSE_WORDS_PER_CELL = 6;

/**
 * The delimiter that splits the first records of `text` into one consistent number of cells (at
 * least two), and how sure that is: more consistent records, more sure. Undefined when none does.
 */
export function sniffDelimiter(text: string): { delimiter: string; score: number } | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  const truncated = sample.length < text.length;
  let best: { delimiter: string; score: number; cells: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const records = sampleRecords(sample, delimiter, truncated);
    if (records.length < 2 || isProse(records)) continue;
    const counts = records.map((record) => record.cells.length);
    const modal = mode(counts);
    const share = counts.filter((count) => count === modal).length / counts.length;
    if (modal < 2 || share < MIN_CONSISTENT_SHARE) continue;
    const score = counts.length >= 5 ? 0.9 : counts.length >= 3 ? 0.7 : 0.45;
    if (!best || score > best.score || (score === best.score && modal > best.cells)) {
      best = { delimiter, score, cells: modal };
    }
  }
  return best && { delimiter: best.delimiter, score: best.score };
}

function sampleRecords(sample: string, delimiter: string, truncated: boolean): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  try {
    for (const record of delimitedRecords(sample, delimiter, SAMPLE_RECORDS)) records.push(record);
  } catch {
    // A quoted field cut by the sample's end: the records before it still count.
    return records;
  }
  // The last record of a cut sample may be cut too.
  return truncated ? records.slice(0, -1) : records;
}

/**
 * Prose splits evenly too: numbered paragraphs ("54.<tab>I feel it to be my first duty …") and
 * sentences with as many commas. Their typical row has a cell of a sentence's length, or many words a cell.
 */
function isProse(records: readonly DelimitedRecord[]): boolean {
  const words = records.map((record) => record.cells.map((cell) => cell.value.split(/\s+/).filter(Boolean).length));
  const longest = median(words.map((cells) => Math.max(...cells)));
  const perCell = median(words.map((cells) => cells.reduce((sum, n) => sum + n, 0) / cells.length));
  return longest >= PROSE_CELL_WORDS || perCell >= PROSE_WORDS_PER_CELL;
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

function mode(values: readonly number[]): number {
  const tally = new Map<number, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

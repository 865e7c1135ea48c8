import type { DocumentMetadata } from "../../core/document.js";
import { InputError } from "../../core/errors.js";
import { MappedTextBuilder } from "../../core/offset-map.js";
import type { DecodedSource } from "../../decode/decoded-source.js";
import { normalizePlainDate } from "../dates.js";
import { linesOf, type Line } from "../lines.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { titleFromPath } from "../strings.js";
import { topLevelFields, type JsonField } from "./json-strings.js";

/** Fields holding a record's prose, its title and its date, first found wins. */
const TEXT_FIELDS = ["text", "body", "content", "full_text", "article"];
const TITLE_FIELDS = ["title", "head", "headline", "name", "subject"];
const DATE_FIELDS = ["date", "date_when", "published", "created", "year"];
const ID_FIELDS = ["id", "doc_id", "document_id", "n"];
const SAMPLE_LINES = 50;

/**
 * JSON Lines (`.jsonl`, `.ndjson`, whatever the extension): one object per line, each a document
 * whose text is its top-level `text` (or `body`, `content`, …) string, with its title, date and id
 * from the fields that usually hold them. Offsets map through the string's JSON escapes to the file.
 */
export const jsonLinesReader: Reader = {
  format: "jsonl",

  detect(source: DecodedSource): number {
    let records = 0;
    for (const line of linesOf(source.text)) {
      if (line.text.trim() === "") continue;
      if (records++ >= SAMPLE_LINES) break;
      if (!line.text.trimStart().startsWith("{")) return 0;
      const fields = topLevelFields(line.text);
      if (fields === undefined || textField(fields) === undefined) return 0;
    }
    return records > 0 ? 0.95 : 0;
  },

  read(source: DecodedSource): ParsedDocument[] {
    const documents: ParsedDocument[] = [];
    const parts = new Set<string>();
    let number = 0;
    for (const line of linesOf(source.text)) {
      if (line.text.trim() === "") continue;
      number++;
      const fields = topLevelFields(line.text);
      if (fields === undefined) throw lineError(line, number, "is not one JSON object", "malformed-jsonl");
      const body = textField(fields);
      if (body === undefined) {
        throw lineError(line, number, `has no text field (${TEXT_FIELDS.join(", ")})`, "jsonl-without-text");
      }
      const { text, map } = unescaped(source.text, line.start, body);
      const id = firstOf(fields, ID_FIELDS)?.value;
      const part = id !== undefined && id !== "" && !parts.has(id) ? id : `line-${number}`;
      parts.add(part);
      documents.push({
        part,
        title: firstOf(fields, TITLE_FIELDS)?.value || `${titleFromPath(source.path)} ${part}`,
        format: "jsonl",
        kind: "other",
        metadata: metadataOf(fields),
        sections: [],
        infobox: [],
        markup: [],
        text,
        map,
      });
    }
    return documents;
  },
};

/** The first text field holding a string. */
function textField(fields: ReadonlyMap<string, JsonField>): Required<JsonField> | undefined {
  for (const name of TEXT_FIELDS) {
    const field = fields.get(name);
    if (field?.raw !== undefined) return field as Required<JsonField>;
  }
  return undefined;
}

function firstOf(fields: ReadonlyMap<string, JsonField>, names: readonly string[]): JsonField | undefined {
  for (const name of names) {
    const field = fields.get(name);
    if (field !== undefined) return field;
  }
  return undefined;
}

function metadataOf(fields: ReadonlyMap<string, JsonField>): DocumentMetadata {
  const date = normalizePlainDate(firstOf(fields, DATE_FIELDS)?.value ?? "");
  return date === undefined ? {} : { date, dateSource: "metadata" };
}

/** The string's characters, escapes undone, each mapped to where it is written in the file. */
function unescaped(
  file: string,
  lineStart: number,
  field: Required<JsonField>,
): ReturnType<MappedTextBuilder["build"]> {
  const out = new MappedTextBuilder(file);
  const end = lineStart + field.raw.end;
  let at = lineStart + field.raw.start;
  while (at < end) {
    const slash = file.indexOf("\\", at);
    const stop = slash < 0 || slash >= end ? end : slash;
    out.copy(at, stop);
    if (stop === end) break;
    const escape = escapeAt(file, stop);
    out.replace(escape.text, stop, stop + escape.length);
    at = stop + escape.length;
  }
  return out.build();
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** The escape at `at` (a backslash): what it stands for and how many characters it takes. */
function escapeAt(file: string, at: number): { text: string; length: number } {
  const letter = file[at + 1]!;
  if (letter !== "u") return { text: SIMPLE_ESCAPES[letter] ?? letter, length: 2 };
  const code = parseInt(file.slice(at + 2, at + 6), 16);
  const low = file.startsWith("\\u", at + 6) ? parseInt(file.slice(at + 8, at + 12), 16) : NaN;
  if (code >= 0xd800 && code < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
    return { text: String.fromCharCode(code, low), length: 12 };
  }
  return { text: String.fromCharCode(code), length: 6 };
}

function lineError(line: Line, number: number, what: string, code: string): InputError {
  return new InputError(
    `record ${number} (the line at character ${line.start}) ${what}: fix that line, or rename the file so it is read as plain text`,
    code,
    line.start,
  );
}

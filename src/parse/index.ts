import type { SourceDocument } from "../core/document.js";
import { InputError } from "../core/errors.js";
import type { DecodedSource } from "../decode/decoded-source.js";
import type { Reader } from "./reader.js";
import { conllReader } from "./readers/conll.js";
import { encyclopediaReader } from "./readers/encyclopedia.js";
import { htmlReader } from "./readers/html.js";
import { jsonLinesReader } from "./readers/json-lines.js";
import { markdownReader } from "./readers/markdown.js";
import { plainTextReader } from "./readers/plain-text.js";
import { tableReader } from "./readers/table.js";
import { teiReader } from "./readers/tei.js";
import { byteOffsetOf } from "./byte-offset.js";
import { cleanUpTextDocument } from "./cleanup/index.js";

export type { ParsedDocument, Reader } from "./reader.js";

/** The readers, in order of preference when two are equally sure; plain text last, as the fallback. */
export const readers: readonly Reader[] = [
  teiReader,
  htmlReader,
  markdownReader,
  encyclopediaReader,
  conllReader,
  jsonLinesReader,
  tableReader,
  plainTextReader,
];

const EXTENSION_FORMATS: Record<string, SourceDocument["format"][]> = {
  xml: ["tei"],
  tei: ["tei"],
  html: ["html"],
  htm: ["html"],
  xhtml: ["html"],
  md: ["markdown"],
  markdown: ["markdown"],
  txt: ["text", "encyclopedia"],
  csv: ["table"],
  tsv: ["table", "conll"],
  tab: ["table"],
  conll: ["conll"],
  jsonl: ["jsonl"],
  ndjson: ["jsonl"],
};

/** The reader most sure it can read `source`; on a tie, one the file extension suggests, then list order. */
export function chooseReader(source: DecodedSource, candidates: readonly Reader[] = readers): Reader {
  const extension = /\.([^./\\]+)$/.exec(source.path)?.[1]?.toLowerCase() ?? "";
  const hinted = EXTENSION_FORMATS[extension] ?? [];
  let best: { reader: Reader; score: number; hinted: boolean } | undefined;
  for (const reader of candidates) {
    const score = reader.detect(source);
    const isHinted = hinted.includes(reader.format);
    if (!best || score > best.score || (score === best.score && isHinted && !best.hinted)) {
      best = { reader, score, hinted: isHinted };
    }
  }
  return best?.reader ?? plainTextReader;
}

/**
 * Splits a decoded file into documents with the reader its content calls for, then cleans up page
 * text (OCR output, typed pages). Each document's `map` goes from its text to `source.original`. A reader failure becomes an `InputError` whose
 * `offset` is a byte offset in the file.
 */
export function parse(source: DecodedSource, candidates: readonly Reader[] = readers): SourceDocument[] {
  const reader = chooseReader(source, candidates);
  let parsed;
  try {
    parsed = reader.read(source);
  } catch (error) {
    throw asInputError(error, source, reader);
  }
  return parsed.map(({ part, map, ...document }) =>
    cleanUpTextDocument({
      ...document,
      id: part === undefined ? source.contentHash : `${source.contentHash}#${part}`,
      path: source.path,
      map: map.compose(source.map),
      decoding: source.report,
    }),
  );
}

/** Reader errors carry offsets into `source.text`; the caller needs bytes in the file. */
function asInputError(error: unknown, source: DecodedSource, reader: Reader): InputError {
  if (error instanceof InputError) {
    const offset = error.offset === undefined ? undefined : byteOffsetOf(source, source.map.toSource(error.offset));
    return new InputError(error.message, error.code, offset);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(
    `could not be read as ${reader.format}: ${reason}; check that the file is complete, or save it as plain text`,
    `malformed-${reader.format}`,
  );
}

import type { DecodingReport, SourceDocument } from "../core/document.js";
import { InputError } from "../core/errors.js";
import { OffsetMap } from "../core/offset-map.js";
import { decode } from "../decode/index.js";
import { parse } from "../parse/index.js";
import { readFileBytes } from "../read/read-file.js";
import type { FoundFile } from "../read/discover.js";
import { extractDates, documentReferenceDate } from "../annotate/dates/index.js";
import { buildPassages } from "../search/passages.js";
import { MinHasher, contentWords } from "../resolve/minhash.js";
import type { DocumentRecord } from "../store/store.js";

/** A document record as it crosses a worker boundary: the offset map flattened to numbers. */
export type PortableRecord = Omit<DocumentRecord, "document"> & {
  document: Omit<SourceDocument, "map"> & { map: number[] };
};

export type ProcessResult =
  | {
      ok: true;
      path: string;
      contentHash: string;
      size: number;
      mtimeMs: number;
      records: PortableRecord[];
      warning?: string;
    }
  | { ok: false; path: string; error: string };

export interface ProcessOptions {
  maxFileBytes?: number;
}

/** read → decode → parse → segment → annotate dates → passages and signature, for one file. */
export async function processFile(file: FoundFile, options: ProcessOptions = {}): Promise<ProcessResult> {
  try {
    const bytes = await readFileBytes(file.path, options.maxFileBytes);
    const source = decode(bytes, file.path);
    const documents = parse(source);
    if (documents.length === 0) throw new InputError("no document found in the file; check its format", "empty");
    return {
      ok: true,
      path: file.path,
      contentHash: source.contentHash,
      size: bytes.byteLength,
      mtimeMs: file.mtimeMs,
      records: documents.map((document) => toPortable(analyse(document))),
      ...decodingWarning(source.report),
    };
  } catch (error) {
    return { ok: false, path: file.path, error: describe(error) };
  }
}

function analyse(document: SourceDocument): DocumentRecord {
  const passages = buildPassages(document);
  const referenceDate = documentReferenceDate(document.text, document.metadata.date);
  const dates = extractDates(document.text, referenceDate ? { referenceDate } : {});
  const hasher = new MinHasher();
  for (const passage of passages) hasher.addWords(contentWords(passage.terms));
  const signature = hasher.result();
  return { document, passages, dates, ...(signature ? { signature } : {}) };
}

/** Invalid bytes do not stop a file, but the user must hear where they were. */
function decodingWarning(report: DecodingReport): { warning?: string } {
  const offsets = report.invalidByteOffsets;
  if (offsets.length === 0) return {};
  const shown = offsets.slice(0, 5).join(", ") + (offsets.length > 5 ? ` and ${offsets.length - 5} more` : "");
  return {
    warning: `${offsets.length} invalid ${report.encoding} byte(s) at offset ${shown} replaced by U+FFFD; re-save the file as UTF-8 to keep those characters`,
  };
}

function describe(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error while reading this file (${message}); please report it with the file`;
}

export function toPortable(record: DocumentRecord): PortableRecord {
  return { ...record, document: { ...record.document, map: record.document.map.toJSON() } };
}

export function fromPortable(record: PortableRecord): DocumentRecord {
  return { ...record, document: { ...record.document, map: OffsetMap.fromJSON(record.document.map) } };
}

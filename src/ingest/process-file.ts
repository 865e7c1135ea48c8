import type { DecodingReport, SourceDocument } from "../core/document.js";
import { InputError } from "../core/errors.js";
import { OffsetMap } from "../core/offset-map.js";
import { decode } from "../decode/index.js";
import { parse } from "../parse/index.js";
import { readBinary, type PageProgress } from "../parse/binary/index.js";
import { readFileBytes } from "../read/read-file.js";
import type { FoundFile } from "../read/discover.js";
import { analyseDocument, MAX_MENTIONS_PER_DOCUMENT } from "./analyse.js";
import type { PassageRecord } from "../search/passages.js";
import type { DocumentRecord } from "../store/store.js";

/**
 * A document record as it crosses a worker boundary: the offset map flattened to numbers, passages
 * without their text (a slice of the document's, cut again on the other side instead of copied).
 */
export type PortableRecord = Omit<DocumentRecord, "document" | "passages"> & {
  document: Omit<SourceDocument, "map"> & { map: Int32Array };
  passages: Omit<PassageRecord, "text">[];
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
  /** Entity, event and relation extraction; default true. */
  extract?: boolean;
}

/** read → (binary reader, or decode → parse) → segment → annotate → passages and signature, for one file. */
export async function processFile(
  file: FoundFile,
  options: ProcessOptions = {},
  onPage?: PageProgress,
): Promise<ProcessResult> {
  try {
    const bytes = await readFileBytes(file.path, options.maxFileBytes);
    const { documents, contentHash, report } = await readDocuments(bytes, file.path, onPage);
    if (documents.length === 0) throw new InputError("no document found in the file; check its format", "empty");
    const records = documents.map((document) => analyseDocument(document, { extract: options.extract ?? true }));
    return {
      ok: true,
      path: file.path,
      contentHash,
      size: bytes.byteLength,
      mtimeMs: file.mtimeMs,
      records: records.map(toPortable),
      ...warningOf(report, records, documents),
    };
  } catch (error) {
    return { ok: false, path: file.path, error: describe(error) };
  }
}

/** A binary reader's documents when one takes the bytes, else the documents of the decoded text. */
async function readDocuments(
  bytes: Uint8Array,
  path: string,
  onPage?: PageProgress,
): Promise<{ documents: SourceDocument[]; contentHash: string; report: DecodingReport }> {
  const binary = await readBinary(bytes, path, onPage);
  if (binary) {
    const contentHash = binary[0]?.id.split("#")[0] ?? "";
    return { documents: binary, contentHash, report: binary[0]?.decoding ?? NO_DECODING };
  }
  const source = decode(bytes, path);
  return { documents: parse(source), contentHash: source.contentHash, report: source.report };
}

const NO_DECODING: DecodingReport = { encoding: "none", bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] };

/** Invalid bytes, ragged table rows and stopped extraction do not fail a file, but the user must hear of them. */
function warningOf(
  report: DecodingReport,
  records: DocumentRecord[],
  documents: readonly SourceDocument[],
): { warning?: string } {
  const ragged = documents.find((document) => document.table?.warning !== undefined);
  if (ragged) return { warning: ragged.table!.warning! };
  const stopped = records.find((r) => r.extractionStoppedAt !== undefined);
  if (stopped) {
    return {
      warning: `names, events and relations were extracted only up to character ${stopped.extractionStoppedAt} (${MAX_MENTIONS_PER_DOCUMENT} mentions in one document); split the file to extract the rest — all of it is searchable`,
    };
  }
  const offsets = report?.invalidByteOffsets ?? [];
  if (!report || offsets.length === 0) return {};
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
  return {
    ...record,
    document: { ...record.document, map: record.document.map.toFlat() },
    passages: record.passages.map(({ text: _text, ...passage }) => passage),
  };
}

export function fromPortable(record: PortableRecord): DocumentRecord {
  const text = record.document.text;
  return {
    ...record,
    document: { ...record.document, map: OffsetMap.fromJSON(record.document.map) },
    passages: record.passages.map((passage) => ({ ...passage, text: text.slice(passage.start, passage.end) })),
  };
}

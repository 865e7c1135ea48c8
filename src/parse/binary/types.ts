import type { ParsedDocument } from "../reader.js";

/** Told after each page a slow reader (OCR) finishes: pages done of the pages it has to do. */
export type PageProgress = (done: number, total: number) => void;

/** A reader of a binary format, tried on the raw bytes before text decoding. */
export interface BinaryReader {
  /** Name used in messages: "PDF", "XLSX". */
  readonly name: string;
  /** True when the bytes are this format: magic numbers and container entries, never the extension alone. */
  detect(bytes: Uint8Array, path: string): boolean;
  /** Documents whose `map` goes from `text` to offsets in the reader's own extracted text (identity when none). */
  read(bytes: Uint8Array, path: string, onPage?: PageProgress): Promise<ParsedDocument[]>;
}

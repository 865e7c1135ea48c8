import type { DecodingReport } from "../core/document.js";
import type { OffsetMap } from "../core/offset-map.js";

/** A file's bytes turned into clean text. */
export interface DecodedSource {
  path: string;
  /** The file's characters as decoded, before any repair (U+FFFD where bytes were invalid). */
  original: string;
  /** `original` with mojibake repaired, NFC-normalized, line endings kept. */
  text: string;
  /** text offset → offset in `original`. */
  map: OffsetMap;
  report: DecodingReport;
  /** sha256 of the file's bytes, hex. */
  contentHash: string;
}

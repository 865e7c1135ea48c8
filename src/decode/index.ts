import { createHash } from "node:crypto";
import type { DecodingReport } from "../core/document.js";
import { InputError } from "../core/errors.js";
import { OffsetMap } from "../core/offset-map.js";
import { recognizeBinaryFormat, rejectBinary } from "./binary.js";
import type { DecodedSource } from "./decoded-source.js";
import { repairMojibake } from "./mojibake.js";
import { normalizeNfc } from "./normalize.js";
import { decodeUtf16, sniffUtf16, type Utf16Order } from "./utf16.js";
import { decodeUtf8Lenient, decodeUtf8Strict, scanUtf8 } from "./utf8.js";
import { decodeWindows1252 } from "./windows-1252.js";

export type { DecodedSource } from "./decoded-source.js";
export { recognizeBinaryFormat } from "./binary.js";

interface Decoding {
  original: string;
  encoding: string;
  bom: boolean;
  invalidByteOffsets: number[];
}

/**
 * Turns a file's bytes into text: detects the encoding, rejects binary files, repairs mojibake and
 * normalizes to NFC, keeping a map from the clean text back to the characters as decoded.
 * Throws `InputError` (code `empty`, `binary` or `unsupported-encoding`) when the bytes are not text.
 */
export function decode(bytes: Uint8Array, path: string): DecodedSource {
  if (bytes.length === 0) throw new InputError("is empty (0 bytes); nothing to read, remove it", "empty");
  const decoding = decodeBytes(bytes);
  if (decoding.original.length === 0) {
    throw new InputError("holds nothing but a byte-order mark; nothing to read, remove it", "empty");
  }
  // Mojibake is UTF-8 read as Windows-1252 and saved again as Unicode; a Windows-1252 file is not that.
  const repair = decoding.encoding === "windows-1252" ? undefined : repairMojibake(decoding.original);
  const repaired = repair?.text ?? decoding.original;
  const normalization = normalizeNfc(repaired);
  const text = normalization?.text ?? repaired;
  const report: DecodingReport = {
    encoding: decoding.encoding,
    bom: decoding.bom,
    mojibakeRepairs: repair?.repairs ?? 0,
    invalidByteOffsets: decoding.invalidByteOffsets,
  };
  return {
    path,
    original: decoding.original,
    text,
    map: composeMaps(text.length, normalization?.map, repair?.map),
    report,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
  };
}

function composeMaps(length: number, outer: OffsetMap | undefined, inner: OffsetMap | undefined): OffsetMap {
  if (outer && inner) return outer.compose(inner);
  return outer ?? inner ?? OffsetMap.identity(length);
}

function decodeBytes(bytes: Uint8Array): Decoding {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    throw new InputError(
      "is encoded as UTF-32, which annals does not read; save it as UTF-8",
      "unsupported-encoding",
      0,
    );
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAsUtf8(bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAsUtf16(bytes.subarray(2), "utf-16le", true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAsUtf16(bytes.subarray(2), "utf-16be", true);
  if (recognizeBinaryFormat(bytes)) rejectBinary(bytes);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decodeAsUtf16(bytes, utf16, false);
  rejectBinary(bytes);
  return decodeAsUtf8(bytes, false);
}

function decodeAsUtf16(bytes: Uint8Array, order: Utf16Order, bom: boolean): Decoding {
  const { text, invalidByteOffsets } = decodeUtf16(bytes, order, bom ? 2 : 0);
  return { original: text, encoding: order, bom, invalidByteOffsets };
}

/** UTF-8 unless the bytes are mostly invalid as UTF-8, in which case they are Windows-1252. */
function decodeAsUtf8(bytes: Uint8Array, bom: boolean): Decoding {
  const strict = decodeUtf8Strict(bytes);
  if (strict !== undefined) return { original: strict, encoding: "utf-8", bom, invalidByteOffsets: [] };
  const scan = scanUtf8(bytes);
  if (bom || scan.multibyteCount > scan.invalidCount) {
    const base = bom ? 3 : 0;
    return {
      original: decodeUtf8Lenient(bytes),
      encoding: "utf-8",
      bom,
      invalidByteOffsets: scan.invalidOffsets.map((offset) => offset + base),
    };
  }
  return { original: decodeWindows1252(bytes), encoding: "windows-1252", bom: false, invalidByteOffsets: [] };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

import { MappedTextBuilder, type OffsetMap } from "../core/offset-map.js";
import { windows1252ByteOf } from "./windows-1252.js";

/** Characters that Windows-1252 decodes from a UTF-8 continuation byte (0x80–0xBF). */
const CONTINUATION =
  "[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014" +
  "\\u2018\\u2019\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]";

/** A character Windows-1252 decodes from a UTF-8 lead byte (0xC2–0xF4), then continuation characters. */
const CANDIDATE = new RegExp(`[\\u00C2-\\u00F4]${CONTINUATION}{1,3}`, "g");
const QUICK_CHECK = /[\u00C2-\u00F4]/;

const NBSP = 0xa0;
const RIGHT_DOUBLE_QUOTE = "\u201D";

export interface MojibakeRepair {
  text: string;
  /** Repaired text → input text. */
  map: OffsetMap;
  repairs: number;
}

/**
 * Repairs UTF-8 that was read as Windows-1252 and written out again as UTF-8 ("â€“" → "–",
 * "Ã©" → "é"). Only sequences that re-encode to one well-formed, printable UTF-8 character change.
 */
export function repairMojibake(input: string): MojibakeRepair | undefined {
  if (!QUICK_CHECK.test(input)) return undefined;
  const builder = new MappedTextBuilder(input);
  let repairs = 0;
  let copiedUpTo = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(input); match; match = CANDIDATE.exec(input)) {
    const repaired = repairAt(match[0]);
    if (!repaired) {
      CANDIDATE.lastIndex = match.index + 1;
      continue;
    }
    builder.copy(copiedUpTo, match.index);
    builder.replace(repaired.char, match.index, match.index + repaired.consumed);
    copiedUpTo = match.index + repaired.consumed;
    CANDIDATE.lastIndex = copiedUpTo;
    repairs++;
  }
  if (repairs === 0) return undefined;
  builder.copy(copiedUpTo, input.length);
  return { ...builder.build(), repairs };
}

function repairAt(candidate: string): { char: string; consumed: number } | undefined {
  const lead = candidate.charCodeAt(0);
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (candidate.length >= length) {
    const char = decodeSequence(candidate.slice(0, length));
    if (char) return { char, consumed: length };
  }
  // "”" is E2 80 9D; Windows-1252 has no character for 0x9D, so the last byte is often lost.
  if (candidate.startsWith("\u00E2\u20AC")) return { char: RIGHT_DOUBLE_QUOTE, consumed: 2 };
  return undefined;
}

function decodeSequence(chars: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const byte = windows1252ByteOf(chars.charCodeAt(i));
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  const [lead, second] = bytes as [number, number];
  if (second === NBSP && lead !== 0xc2) return undefined;
  const codePoint = utf8CodePoint(bytes);
  if (codePoint === undefined || (codePoint >= 0x80 && codePoint <= 0x9f)) return undefined;
  return String.fromCodePoint(codePoint);
}

function utf8CodePoint(bytes: readonly number[]): number | undefined {
  const lead = bytes[0]!;
  let codePoint = bytes.length === 2 ? lead & 0x1f : bytes.length === 3 ? lead & 0x0f : lead & 0x07;
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80 || byte > 0xbf) return undefined;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  const minimum = bytes.length === 2 ? 0x80 : bytes.length === 3 ? 0x800 : 0x10000;
  if (codePoint < minimum || codePoint > 0x10ffff) return undefined;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return undefined;
  return codePoint;
}

export interface Utf8Scan {
  /** Byte offset where each invalid sequence starts (one U+FFFD each when decoded leniently). */
  invalidOffsets: number[];
  invalidCount: number;
  /** Well-formed sequences of two to four bytes. */
  multibyteCount: number;
}

const MAX_RECORDED_OFFSETS = 10_000;

/** Follows the WHATWG UTF-8 decoder, so invalid sequences line up with TextDecoder's U+FFFD. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const invalidOffsets: number[] = [];
  let invalidCount = 0;
  let multibyteCount = 0;
  const invalid = (offset: number): void => {
    invalidCount++;
    if (invalidOffsets.length < MAX_RECORDED_OFFSETS) invalidOffsets.push(offset);
  };
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else {
      invalid(i);
      i++;
      continue;
    }
    let j = i + 1;
    let seen = 0;
    while (seen < needed && j < n) {
      const byte = bytes[j]!;
      if (byte < lower || byte > upper) break;
      lower = 0x80;
      upper = 0xbf;
      seen++;
      j++;
    }
    if (seen === needed) multibyteCount++;
    else invalid(i);
    i = j;
  }
  return { invalidOffsets, invalidCount, multibyteCount };
}

const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The decoded text, or undefined when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

export type Utf16Order = "utf-16le" | "utf-16be";

const SAMPLE_BYTES = 4096;

/** UTF-16 without a byte-order mark, recognized by NUL bytes that sit almost all on one side of each pair. */
export function sniffUtf16(bytes: Uint8Array): Utf16Order | undefined {
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  if (pairs < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNuls++;
    if (bytes[2 * i + 1] === 0) oddNuls++;
  }
  const obvious = (many: number, few: number): boolean => many >= pairs * 0.3 && few <= pairs * 0.02;
  if (obvious(oddNuls, evenNuls)) return "utf-16le";
  if (obvious(evenNuls, oddNuls)) return "utf-16be";
  return undefined;
}

export interface Utf16Decoding {
  text: string;
  invalidByteOffsets: number[];
}

const decoder = new TextDecoder("utf-16le", { ignoreBOM: true });

/** Decodes `bytes` (without the byte-order mark); `byteBase` is where they start in the file. */
export function decodeUtf16(bytes: Uint8Array, order: Utf16Order, byteBase: number): Utf16Decoding {
  const evenLength = bytes.length - (bytes.length % 2);
  const units = Buffer.from(bytes.subarray(0, evenLength));
  if (order === "utf-16be") units.swap16();
  const raw = units.toString("utf16le");
  const invalidByteOffsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const pairedHigh = code <= 0xdbff && i + 1 < raw.length && isLowSurrogate(raw.charCodeAt(i + 1));
    if (pairedHigh) i++;
    else invalidByteOffsets.push(byteBase + 2 * i);
  }
  if (evenLength < bytes.length) invalidByteOffsets.push(byteBase + evenLength);
  let text = invalidByteOffsets.length > 0 ? decoder.decode(units) : raw;
  if (evenLength < bytes.length) text += "\uFFFD";
  return { text, invalidByteOffsets };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

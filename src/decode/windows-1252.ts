/**
 * Windows-1252 bytes 0x80–0x9F. The five bytes the code page leaves undefined keep their C1 code
 * point, as the WHATWG encoding standard does. Node 20's TextDecoder gets this range wrong.
 */
const HIGH_BYTES = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const HIGH_CHARS = HIGH_BYTES.map((code) => String.fromCharCode(code));

const BYTE_OF_CHAR = new Map<number, number>();
for (let byte = 0; byte < 256; byte++) {
  BYTE_OF_CHAR.set(byte >= 0x80 && byte <= 0x9f ? HIGH_BYTES[byte - 0x80]! : byte, byte);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\x80-\x9f]/g, (char) => HIGH_CHARS[char.charCodeAt(0) - 0x80]!);
}

/** The Windows-1252 byte that decodes to `charCode`, or undefined when there is none. */
export function windows1252ByteOf(charCode: number): number | undefined {
  return BYTE_OF_CHAR.get(charCode);
}

import { InputError } from "../core/errors.js";

interface Signature {
  bytes: readonly (number | null)[];
  at?: number;
  looksLike: string;
  advice?: string;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const CONVERT = "convert it to text or remove it";

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, ...ascii("PNG\r\n\x1a\n")], looksLike: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], looksLike: "a JPEG image" },
  { bytes: ascii("GIF87a"), looksLike: "a GIF image" },
  { bytes: ascii("GIF89a"), looksLike: "a GIF image" },
  { bytes: ascii("II*\0"), looksLike: "a TIFF image" },
  { bytes: ascii("MM\0*"), looksLike: "a TIFF image" },
  { bytes: ascii("%PDF-"), looksLike: "a PDF document", advice: "extract its text (e.g. with pdftotext) or remove it" },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    looksLike: "a ZIP archive (DOCX, XLSX, ODT and EPUB files are ZIP archives)",
    advice: "unpack it or save it as text, then add that",
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: "an empty ZIP archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: "a Microsoft Office (DOC/XLS/PPT) file" },
  { bytes: [0x1f, 0x8b], looksLike: "a gzip archive", advice: "unpack it, then add the files inside" },
  {
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    looksLike: "a 7-Zip archive",
    advice: "unpack it, then add the files inside",
  },
  { bytes: ascii("Rar!\x1a\x07"), looksLike: "a RAR archive", advice: "unpack it, then add the files inside" },
  {
    bytes: [...ascii("BZh"), null, ...ascii("1AY&SY")],
    looksLike: "a bzip2 archive",
    advice: "unpack it, then add the files inside",
  },
  { bytes: [0xfd, ...ascii("7zXZ\0")], looksLike: "an xz archive", advice: "unpack it, then add the files inside" },
  { bytes: ascii("SQLite format 3\0"), looksLike: "an SQLite database" },
  { bytes: [0x7f, ...ascii("ELF")], looksLike: "an executable program" },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], looksLike: "a compiled Java class" },
  { bytes: ascii("\0asm"), looksLike: "a WebAssembly module" },
  { bytes: ascii("RIFF"), looksLike: "a RIFF media file (WebP, WAV or AVI)" },
  { bytes: ascii("OggS"), looksLike: "an Ogg audio file" },
  { bytes: ascii("fLaC"), looksLike: "a FLAC audio file" },
  { bytes: [...ascii("ID3"), null, 0], looksLike: "an MP3 audio file" },
  { bytes: ascii("ftyp"), at: 4, looksLike: "an MP4/QuickTime media file" },
  { bytes: ascii("wOFF"), looksLike: "a web font" },
];

function matches(bytes: Uint8Array, signature: Signature): boolean {
  const at = signature.at ?? 0;
  if (bytes.length < at + signature.bytes.length) return false;
  return signature.bytes.every((byte, i) => byte === null || bytes[at + i] === byte);
}

/** What known binary format the bytes start with, if any. */
export function recognizeBinaryFormat(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => matches(bytes, signature))?.looksLike;
}

const SAMPLE_BYTES = 64 * 1024;
const MAX_CONTROL_RATIO = 0.1;

function isSuspiciousControl(byte: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text.
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) || byte === 0x7f;
}

/** Throws `InputError` code `binary` when the bytes (not UTF-16) are clearly not text. */
export function rejectBinary(bytes: Uint8Array): void {
  const signature = SIGNATURES.find((candidate) => matches(bytes, candidate));
  if (signature) {
    throw new InputError(`looks like ${signature.looksLike}, not text; ${signature.advice ?? CONVERT}`, "binary", 0);
  }
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
  if (nul >= 0) {
    throw new InputError(
      `has a NUL byte at byte offset ${nul}, so it looks like binary data, not text; ${CONVERT}`,
      "binary",
      nul,
    );
  }
  const sampleLength = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < sampleLength; i++) {
    if (isSuspiciousControl(bytes[i]!)) {
      controls++;
      if (first < 0) first = i;
    }
  }
  if (controls >= 4 && controls / sampleLength > MAX_CONTROL_RATIO) {
    const percent = Math.round((100 * controls) / sampleLength);
    throw new InputError(
      `${percent}% of its first ${sampleLength} bytes are control characters (the first at byte offset ${first}), ` +
        `so it looks like binary data, not text; ${CONVERT}`,
      "binary",
      first,
    );
  }
}

import { InputError } from "../../core/errors.js";
import { OCR_LANGUAGES, recognizeBest } from "./ocr/tesseract.js";
import { pagedDocument } from "./paged-document.js";
import type { BinaryReader } from "./types.js";

const SIGNATURES: readonly { format: string; bytes: readonly number[] }[] = [
  { format: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { format: "TIFF", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { format: "TIFF", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
];

const formatOf = (bytes: Uint8Array) =>
  SIGNATURES.find((signature) => signature.bytes.every((byte, i) => bytes[i] === byte))?.format;

/** Under this mean word confidence, or with fewer words, an image holds no text worth indexing. */
const MIN_MEAN_CONFIDENCE = 40;
const MIN_WORDS = 3;

/** A scanned page or photographed document (PNG, JPEG, TIFF with one or more pages), read by OCR. */
export const imageReader: BinaryReader = {
  name: "image",
  detect(bytes) {
    return formatOf(bytes) !== undefined;
  },
  async read(bytes, path) {
    const pages = await recognizeBest(bytes, `OCR of this ${formatOf(bytes) ?? ""} image`, OCR_LANGUAGES);
    const words = pages.reduce((sum, page) => sum + page.report.words, 0);
    const confidence =
      words === 0 ? 0 : pages.reduce((sum, page) => sum + page.report.meanConfidence * page.report.words, 0) / words;
    if (words < MIN_WORDS || confidence < MIN_MEAN_CONFIDENCE) {
      throw new InputError(
        `is an image in which OCR found no text (${words} word(s), mean confidence ${Math.round(confidence)}%); ` +
          "if it is a scan, rescan it at 200–300 dpi, else remove it",
        "ocr-no-text",
      );
    }
    const pageTexts = pages.map((page) => ({
      number: page.number,
      text: page.text,
      ocr: page.report,
      words: page.words,
    }));
    return [pagedDocument(path, "image", pageTexts, { metadata: {} })];
  },
};

import type { DocumentMetadata } from "../../../core/document.js";
import { InputError } from "../../../core/errors.js";
import { OCR_LANGUAGES, recognizeBest } from "../ocr/tesseract.js";
import { withRenderedPages } from "../ocr/render.js";
import { pagedDocument, type PageText } from "../paged-document.js";
import type { BinaryReader, PageProgress } from "../types.js";
import { isoDateOfPdfDate } from "./pdf-date.js";
import { pageText, type PositionedText } from "./text-layer.js";

/** Past this many pages a PDF is refused: a page-count bomb, or a book to split. */
export const MAX_PDF_PAGES = 5_000;
/** Past this many pages without a text layer a PDF is refused: OCR takes seconds a page. */
export const MAX_OCR_PAGES = 200;
/** A page with fewer letters or digits than this in its text layer is a scan and is OCR'd. */
const MIN_TEXT_LAYER_CHARACTERS = 3;
/** "%PDF-" may follow up to 1024 bytes of junk. */
const HEADER_WINDOW = 1024;

export const pdfReader: BinaryReader = {
  name: "PDF",
  detect(bytes) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW));
    return head.indexOf("%PDF-") >= 0;
  },
  async read(bytes, path, onPage) {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // pdf.js takes ownership of the buffer it is given.
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
    try {
      const pdf = await task.promise.catch((error: unknown) => {
        throw openingError(error);
      });
      if (pdf.numPages > MAX_PDF_PAGES) {
        throw new InputError(
          `has ${pdf.numPages} pages; annals reads at most ${MAX_PDF_PAGES} pages of one PDF: split it into parts`,
          "pdf-too-many-pages",
        );
      }
      const pages: PageText[] = [];
      for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const runs: PositionedText[] = [];
        for (const item of content.items) if ("str" in item) runs.push(item);
        pages.push({ number, text: pageText(runs) });
        page.cleanup();
      }
      await ocrScannedPages(bytes, pages, onPage);
      const { info } = await pdf.getMetadata();
      return [pagedDocument(path, "pdf", pages, ownMetadata(info as Record<string, unknown>))];
    } finally {
      await task.destroy();
    }
  },
};

async function ocrScannedPages(bytes: Uint8Array, pages: PageText[], onPage?: PageProgress): Promise<void> {
  const scanned = pages.filter((page) => (page.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_TEXT_LAYER_CHARACTERS);
  if (scanned.length > MAX_OCR_PAGES) {
    throw new InputError(
      `has ${scanned.length} scanned pages without a text layer; annals OCRs at most ${MAX_OCR_PAGES} pages of one PDF (a few seconds each): split it into parts`,
      "ocr-too-many-pages",
    );
  }
  let done = 0;
  onPage?.(done, scanned.length);
  await withRenderedPages(
    bytes,
    scanned.map((page) => page.number),
    async (number, png) => {
      const [recognized] = await recognizeBest(png, `OCR of page ${number}`, OCR_LANGUAGES);
      const page = pages[number - 1]!;
      page.text = recognized?.text ?? "";
      onPage?.(++done, scanned.length);
      if (!recognized) return;
      page.ocr = recognized.report;
      page.words = recognized.words;
    },
  );
}

function ownMetadata(info: Record<string, unknown>): { title?: string; metadata: DocumentMetadata } {
  const text = (key: string): string | undefined => {
    const value = info[key];
    return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
  };
  const title = text("Title");
  const author = text("Author");
  const date = isoDateOfPdfDate(info["CreationDate"]) ?? isoDateOfPdfDate(info["ModDate"]);
  return {
    ...(title ? { title } : {}),
    metadata: { ...(author ? { author } : {}), ...(date ? { date } : {}) },
  };
}

function openingError(error: unknown): InputError {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new InputError(
      "is an encrypted PDF that needs a password; save an unprotected copy (e.g. qpdf --decrypt) and add that",
      "pdf-encrypted",
    );
  }
  return new InputError(
    `is not a readable PDF (${message}); check that the file is complete, or export it again`,
    "malformed-pdf",
  );
}

import type { OcrReport, OcrWord } from "../../../core/document.js";
import { runProgram } from "./run.js";

/** Seconds one page may take; a 200 dpi letter page takes 2–6 s on one core. */
const PAGE_TIMEOUT_MS = 60_000;
const MAX_TSV_BYTES = 32 * 1024 * 1024;
const LOW_CONFIDENCE = 60;

export interface OcrPage {
  /** Page number in the image (a multi-page TIFF has several). */
  number: number;
  text: string;
  report: OcrReport;
  /** Offsets into `text`. */
  words: OcrWord[];
}

export interface OcrOptions {
  /** Tesseract language codes joined by "+": "eng", "eng+ara". */
  languages: string;
  /** For messages: "OCR of page 3". */
  task: string;
}

/** Languages tried in turn; Debian packages tesseract-ocr-eng and tesseract-ocr-ara. */
export const OCR_LANGUAGES: readonly string[] = ["eng", "ara"];

/** OCR of an image (PNG, JPEG, TIFF; several pages for a multi-page TIFF) with Debian's tesseract. */
export async function recognize(image: Uint8Array, options: OcrOptions): Promise<OcrPage[]> {
  const tsv = await runProgram("tesseract", ["stdin", "stdout", "-l", options.languages, "tsv"], {
    input: image,
    timeoutMs: PAGE_TIMEOUT_MS,
    task: options.task,
    maxOutputBytes: MAX_TSV_BYTES,
  });
  return pagesFromTsv(tsv.toString("utf8"), options.languages);
}

interface TsvWord {
  text: string;
  confidence: number;
  page: number;
  /** block, paragraph, line: words with the same keys share a line. */
  block: number;
  paragraph: number;
  line: number;
  box: [number, number, number, number];
}

/** Tesseract's TSV (level 5 rows are words) as page text: words by spaces, lines by newlines, paragraphs by blank lines. */
export function pagesFromTsv(tsv: string, languages: string): OcrPage[] {
  const words: TsvWord[] = [];
  const sizes = new Map<number, { width: number; height: number }>();
  for (const row of tsv.split("\n").slice(1)) {
    const cells = row.split("\t");
    if (cells.length < 12) continue;
    if (cells[0] === "1") sizes.set(Number(cells[1]), { width: Number(cells[8]), height: Number(cells[9]) });
    if (cells[0] !== "5") continue;
    const text = cells.slice(11).join("\t").trim();
    const confidence = Number(cells[10]);
    if (text.length === 0 || !(confidence >= 0)) continue;
    const [page, block, paragraph, line] = cells.slice(1, 5).map(Number) as [number, number, number, number];
    const box = cells.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({ text, confidence, page, block, paragraph, line, box });
  }
  // A page with no word is still a page: blank, or an image without text.
  const pageNumbers = words.length === 0 ? [1] : [...new Set(words.map((word) => word.page))];
  return pageNumbers.map((number) =>
    pageOf(
      number,
      words.filter((word) => word.page === number),
      languages,
      sizes.get(number),
    ),
  );
}

function pageOf(
  number: number,
  words: TsvWord[],
  languages: string,
  size: { width: number; height: number } | undefined,
): OcrPage {
  let text = "";
  let previous: TsvWord | undefined;
  const placed: OcrWord[] = [];
  for (const word of words) {
    if (previous) {
      const sameParagraph = previous.block === word.block && previous.paragraph === word.paragraph;
      text += !sameParagraph ? "\n\n" : previous.line !== word.line ? "\n" : " ";
    }
    placed.push({
      start: text.length,
      end: text.length + word.text.length,
      box: word.box,
      confidence: word.confidence,
    });
    text += word.text;
    previous = word;
  }
  const total = words.reduce((sum, word) => sum + word.confidence, 0);
  return {
    number,
    text,
    report: {
      engine: "tesseract",
      languages,
      words: words.length,
      meanConfidence: words.length === 0 ? 0 : Math.round((10 * total) / words.length) / 10,
      lowConfidenceWords: words.filter((word) => word.confidence < LOW_CONFIDENCE).length,
      ...(size ? size : {}),
    },
    words: placed,
  };
}

/** A page this sure or better is not tried in the next language. */
const GOOD_ENOUGH_CONFIDENCE = 70;

/**
 * OCR in English first; a page that English reads badly (an Arabic-script page) is read again in the
 * next languages, and the reading with the higher mean confidence is kept.
 */
export async function recognizeBest(image: Uint8Array, task: string, languages: readonly string[]): Promise<OcrPage[]> {
  let best: OcrPage[] | undefined;
  for (const language of languages) {
    const pages = await recognize(image, { languages: language, task });
    if (!best || meanConfidence(pages) > meanConfidence(best)) best = pages;
    if (meanConfidence(best) >= GOOD_ENOUGH_CONFIDENCE) break;
  }
  return best ?? [];
}

function meanConfidence(pages: readonly OcrPage[]): number {
  const words = pages.reduce((sum, page) => sum + page.report.words, 0);
  if (words === 0) return 0;
  return pages.reduce((sum, page) => sum + page.report.meanConfidence * page.report.words, 0) / words;
}

import { basename } from "node:path";
import type { DocumentMetadata, OcrReport, OcrWord, Page } from "../../core/document.js";
import { cleanUpOcrText } from "../cleanup/index.js";
import type { ParsedDocument } from "../reader.js";

export interface PageText {
  number: number;
  text: string;
  ocr?: OcrReport;
  /** OCR'd words, offsets into `text`. */
  words?: OcrWord[];
}

const PAGE_SEPARATOR = "\n\n";
const MAX_TITLE = 120;

/**
 * One document from its pages: the pages joined by a blank line, words broken at line ends
 * rejoined (OCR'd words keep their spans of the text), page furniture found. Without a title of its own, the first line that is not furniture.
 */
export function pagedDocument(
  path: string,
  format: ParsedDocument["format"],
  pageTexts: readonly PageText[],
  own: { title?: string; metadata: DocumentMetadata },
): ParsedDocument {
  let raw = "";
  const pages: Page[] = [];
  for (const page of pageTexts) {
    if (pages.length > 0) raw += PAGE_SEPARATOR;
    const start = raw.length;
    raw += page.text;
    pages.push({ number: page.number, start, end: raw.length, ...(page.ocr ? { ocr: page.ocr } : {}) });
  }
  const clean = cleanUpOcrText(raw, pages);
  pageTexts.forEach((page, i) => {
    if (!page.words?.length) return;
    const offset = pages[i]!.start;
    clean.pages[i]!.words = page.words.map((word) => ({
      ...word,
      start: clean.toClean(offset + word.start),
      end: clean.toClean(offset + word.end),
    }));
  });
  return {
    title: own.title || firstLine(clean.text, clean.furniture) || basename(path),
    format,
    kind: "other",
    metadata: own.metadata,
    sections: [],
    infobox: [],
    markup: [],
    pages: clean.pages,
    furniture: clean.furniture,
    text: clean.text,
    map: clean.map,
  };
}

function firstLine(text: string, furniture: readonly { start: number; end: number }[]): string | undefined {
  for (const match of text.matchAll(/[^\n]+/g)) {
    const line = match[0].trim();
    const start = match.index + match[0].indexOf(line);
    if (!/\p{L}{2}/u.test(line) || furniture.some((span) => span.start <= start && start < span.end)) continue;
    return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
  }
  return undefined;
}

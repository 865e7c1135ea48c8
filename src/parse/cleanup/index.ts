import type { Page, SourceDocument, Span } from "../../core/document.js";
import type { OffsetMap } from "../../core/offset-map.js";
import { applyEdits } from "./edits.js";
import { findFurniture } from "./furniture.js";
import { findHyphenRepairs } from "./hyphenation.js";

export { findFurniture, isStamp } from "./furniture.js";
export { findHyphenRepairs } from "./hyphenation.js";

export interface CleanText {
  text: string;
  /** clean text offset → offset in the text given. */
  map: OffsetMap;
  pages: Page[];
  furniture: Span[];
  /** offset in the text given → offset in the clean text. */
  toClean(offset: number): number;
}

/** OCR clean-up: words broken at line ends rejoined, then page furniture found on the result. */
export function cleanUpOcrText(text: string, pages: readonly Page[]): CleanText {
  const edited = applyEdits(text, findHyphenRepairs(text));
  const movedPages = pages.map((page) => ({ ...page, ...moved(page, edited.toEdited) }));
  return {
    text: edited.text,
    map: edited.map,
    pages: movedPages,
    furniture: findFurniture(edited.text, movedPages),
    toClean: edited.toEdited,
  };
}

const MAX_WRAPPED_LINE = 90;
const MIN_SIGNS = 3;

/**
 * Text that was OCR'd or typed on a page: hard-wrapped short lines, and words broken at line ends or
 * classification stamps on several lines. Markdown, encyclopedia and TEI prose is not.
 */
export function looksLikePageText(text: string): boolean {
  const lines = text.split("\n").filter((line) => line.trim().length > 0);
  if (lines.length < 10) return false;
  const lengths = lines.map((line) => line.length).sort((a, b) => a - b);
  if (lengths[lengths.length >> 1]! > MAX_WRAPPED_LINE) return false;
  const breaks = findHyphenRepairs(text).filter((repair) => repair.kind !== "tilde").length;
  return breaks >= MIN_SIGNS || text.includes("\f");
}

/** Page-text clean-up for a document read from text; every span of the document moves with the text. */
export function cleanUpTextDocument(document: SourceDocument): SourceDocument {
  if (!looksLikePageText(document.text)) return document;
  const pages = document.pages ?? formFeedPages(document.text);
  const clean = cleanUpOcrText(document.text, pages);
  const move = <T extends Span>(span: T): T => ({ ...span, ...moved(span, clean.toClean) });
  return {
    ...document,
    text: clean.text,
    map: clean.map.compose(document.map),
    sections: document.sections.map(move),
    infobox: document.infobox.map((field) => ({ ...move(field), values: field.values.map(move) })),
    markup: document.markup.map(move),
    ...(clean.pages.length > 0 ? { pages: clean.pages } : {}),
    furniture: clean.furniture,
  };
}

function moved(span: Span, toEdited: (offset: number) => number): Span {
  return { start: toEdited(span.start), end: toEdited(span.end) };
}

/** Pages separated by form feeds (pdftotext's page breaks); none when the text has no form feed. */
export function formFeedPages(text: string): Page[] {
  if (!text.includes("\f")) return [];
  const pages: Page[] = [];
  let start = 0;
  for (const part of text.split("\f")) {
    pages.push({ number: pages.length + 1, start, end: start + part.length });
    start += part.length + 1;
  }
  return pages;
}

import type { Page, Span } from "../../core/document.js";

/** Words of classification stamps and handling caveats; a stamp line holds nothing else. */
const STAMP_WORDS = new Set(
  "top secret confidential unclassified restricted classified classification declassified noforn nodis limdis exdis sensitive security official use only for eyes orcon no foreign dissem distribution controlled".split(
    " ",
  ),
);
const STAMP_KEYS = new Set(
  "secret confidential unclassified restricted classified classification declassified noforn nodis limdis exdis".split(
    " ",
  ),
);
const PAGE_NUMBER = /^[-–—\s(]*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s)]*$/i;
const MARKED_PAGE_NUMBER = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/i;
/** A running header or footer is short and comes back on several pages. */
const MAX_RUNNING_LINE = 60;
const MIN_REPEATS = 3;
/** Lines at a page's top or bottom where page numbers and running heads stand. */
const EDGE_LINES = 2;

interface Line extends Span {
  trimmed: string;
  page: number;
}

/**
 * Page furniture: classification stamps, page numbers (bare numbers at a page's edge, "- 3 -",
 * "Page 3 of 9" anywhere) and running headers and footers (a short line, digits ignored, at the top
 * or bottom of at least three pages). Without pages the whole text is one page, and a running line is
 * one repeated three times anywhere.
 */
export function findFurniture(text: string, pages: readonly Page[] = []): Span[] {
  const lines = splitLines(text, pages);
  const edges = edgeLines(lines);
  // With real pages a running line stands at a page's edge, once per page; without, anywhere.
  const paged = pages.length >= 2;
  const repeats = new Map<string, Set<number>>();
  lines.forEach((line, i) => {
    const key = runningKey(line.trimmed, paged);
    if (!key || (paged && !edges.has(line))) return;
    let seen = repeats.get(key);
    if (!seen) repeats.set(key, (seen = new Set()));
    seen.add(paged ? line.page : i);
  });
  const furniture: Span[] = [];
  for (const line of lines) {
    const key = runningKey(line.trimmed, paged);
    const isFurniture =
      isStamp(line.trimmed) ||
      MARKED_PAGE_NUMBER.test(line.trimmed) ||
      (edges.has(line) && PAGE_NUMBER.test(line.trimmed)) ||
      (key !== undefined && (!paged || edges.has(line)) && (repeats.get(key)?.size ?? 0) >= MIN_REPEATS);
    if (isFurniture) furniture.push({ start: line.start, end: line.end });
  }
  return furniture;
}

export function isStamp(line: string): boolean {
  const words = line.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length > 8) return false;
  // "CLASSIFICATION: Unclassified" is a form's field, not a stamp.
  if (/[^\p{L}\s\-–—/()[\].,*|]/u.test(line)) return false;
  return words.every((word) => STAMP_WORDS.has(word)) && words.some((word) => STAMP_KEYS.has(word));
}

/**
 * Lower case, punctuation dropped; at a page's edge digits too ("Report, page 3" and "Report, page 4"
 * are one running head), elsewhere not (table rows that differ only in their numbers are text).
 */
function runningKey(line: string, atEdge: boolean): string | undefined {
  if (line.length === 0 || line.length > MAX_RUNNING_LINE) return undefined;
  const letters = line.toLowerCase().match(/\p{L}+/gu);
  if (!letters || letters.join("").length < 4) return undefined;
  return (atEdge ? letters : line.toLowerCase().match(/[\p{L}\p{N}]+/gu)!).join(" ");
}

function splitLines(text: string, pages: readonly Page[]): Line[] {
  const lines: Line[] = [];
  let page = 0;
  for (const match of text.matchAll(/[^\n]+/g)) {
    const leading = match[0].length - match[0].trimStart().length;
    const trimmed = match[0].trim();
    if (trimmed.length === 0) continue;
    const start = match.index + leading;
    while (page + 1 < pages.length && pages[page + 1]!.start <= start) page++;
    lines.push({ start, end: start + trimmed.length, trimmed, page });
  }
  return lines;
}

function edgeLines(lines: readonly Line[]): Set<Line> {
  const byPage = new Map<number, Line[]>();
  for (const line of lines) {
    let pageLines = byPage.get(line.page);
    if (!pageLines) byPage.set(line.page, (pageLines = []));
    pageLines.push(line);
  }
  const edges = new Set<Line>();
  for (const pageLines of byPage.values()) {
    for (const line of [...pageLines.slice(0, EDGE_LINES), ...pageLines.slice(-EDGE_LINES)]) edges.add(line);
  }
  return edges;
}

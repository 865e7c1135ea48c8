import type { Paragraph } from "./types.js";

/** chrono and our regexes run per paragraph; a "paragraph" longer than this is cut at a line or sentence end. */
const MAX_PARAGRAPH_LENGTH = 20_000;

const BLANK_LINES = /\n[ \t\r]*\n/g;

function blankLineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const separator of text.matchAll(BLANK_LINES)) {
    const index = separator.index ?? 0;
    if (index > start) spans.push({ start, end: index });
    start = index + separator[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Where to cut a long span: the last line break, else sentence end, else space before the limit. */
function cutPoint(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  for (const boundary of ["\n", ". ", " "]) {
    const at = window.lastIndexOf(boundary);
    if (at > window.length / 2) return start + at + boundary.length;
  }
  return limit;
}

export function paragraphsOf(text: string, given?: { start: number; end: number }[]): Paragraph[] {
  const spans = given ? [...given].sort((a, b) => a.start - b.start) : blankLineSpans(text);
  const paragraphs: Paragraph[] = [];
  let covered = 0;
  for (const span of spans) {
    const end = Math.min(span.end, text.length);
    // Given spans may overlap; each character is parsed once.
    let start = Math.max(0, span.start, covered);
    covered = Math.max(covered, end);
    while (start < end) {
      const stop = end - start > MAX_PARAGRAPH_LENGTH ? cutPoint(text, start, start + MAX_PARAGRAPH_LENGTH) : end;
      paragraphs.push({ index: paragraphs.length, offset: start, text: text.slice(start, stop) });
      start = stop;
    }
  }
  return paragraphs;
}

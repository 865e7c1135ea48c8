/** What the PDF library gives for one run of text on a page. */
export interface PositionedText {
  str: string;
  /** [a, b, c, d, x, y]: the text matrix; x and y are the run's origin in page units. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** A line further below the previous one than this many font sizes starts a paragraph. */
const PARAGRAPH_GAP = 1.8;
/** Horizontal gap, in font sizes, between two runs of a line that stands for a space. */
const WORD_GAP = 0.15;

/**
 * A page's text runs, in the content stream's order (the reading order of nearly every PDF), as
 * text: runs on one line joined, with a space where they stand apart; lines by newlines; a larger
 * gap between lines makes a blank line.
 */
export function pageText(items: readonly PositionedText[]): string {
  let text = "";
  let previous: { x: number; y: number; end: number; size: number; eol: boolean } | undefined;
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (item.str.length === 0) {
      if (previous && item.hasEOL) previous.eol = true;
      continue;
    }
    if (previous) {
      const drop = previous.y - y;
      if (previous.eol || Math.abs(drop) > size / 2) {
        text = text.trimEnd() + (drop > PARAGRAPH_GAP * size ? "\n\n" : "\n");
      } else if (x - previous.end > WORD_GAP * size && !/\s$/.test(text) && !/^\s/.test(item.str)) {
        text += " ";
      }
    }
    text += item.str;
    previous = { x, y, end: x + item.width, size, eol: item.hasEOL };
  }
  return text.trim();
}

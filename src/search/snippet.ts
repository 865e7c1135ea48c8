/** Characters of passage a snippet shows, about. */
export const SNIPPET_CHARS = 200;

export interface Snippet {
  /** HTML: escaped text with matched words in <mark>…</mark>, "…" where the passage goes on. */
  html: string;
  /** The part of the passage shown, [start, end). */
  window: [number, number];
}

/** The window of about SNIPPET_CHARS characters holding the most highlights. */
export function makeSnippet(text: string, highlights: readonly [number, number][], width = SNIPPET_CHARS): Snippet {
  const [start, end] = densestWindow(text, highlights, width);
  let html = start > 0 ? "…" : "";
  let at = start;
  for (const [from, to] of highlights) {
    if (from < start || to > end) continue;
    html += escapeHtml(text.slice(at, from)) + "<mark>" + escapeHtml(text.slice(from, to)) + "</mark>";
    at = to;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? "…" : "");
  return { html, window: [start, end] };
}

function densestWindow(text: string, highlights: readonly [number, number][], width: number): [number, number] {
  if (text.length <= width) return [0, text.length];
  let best = 0;
  let bestCount = 0;
  let last = 0;
  for (let i = 0, j = 0; i < highlights.length; i++) {
    if (j < i) j = i;
    while (j + 1 < highlights.length && highlights[j + 1]![1] - highlights[i]![0] <= width) j++;
    if (j - i + 1 > bestCount) [best, bestCount, last] = [i, j - i + 1, j];
  }
  if (bestCount === 0) return [0, snapEnd(text, width, 0)];
  const spanStart = highlights[best]![0];
  const spanEnd = highlights[last]![1];
  let start = Math.max(0, spanStart - Math.floor((width - (spanEnd - spanStart)) / 2));
  const end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  return [snapStart(text, start, spanStart), snapEnd(text, end, spanEnd)];
}

/** Moves a window start forward to the beginning of a word, never past `limit`. */
function snapStart(text: string, start: number, limit: number): number {
  if (start === 0 || /\s/.test(text[start - 1]!)) return start;
  for (let i = start; i < limit; i++) if (/\s/.test(text[i]!)) return i + 1;
  return start;
}

/** Moves a window end back to the end of a word, never before `limit`. */
function snapEnd(text: string, end: number, limit: number): number {
  if (end >= text.length || /\s/.test(text[end]!)) return end;
  for (let i = end; i > limit; i--) if (/\s/.test(text[i - 1]!)) return i - 1;
  return end;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes HTML and folds runs of whitespace (line breaks included) to one space. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(/\s+/g, " ");
}

import { CHRONO_TRIGGER } from "../words.js";

/** Characters of context kept on each side of a trigger word; chrono's expressions are shorter than this. */
const MARGIN = 80;
/** Paragraphs shorter than this are parsed whole. */
const WINDOWED_ABOVE = 4 * MARGIN;

const TRIGGERS = new RegExp(CHRONO_TRIGGER.source, "gi");

function expandToWhitespace(text: string, start: number, end: number): { start: number; end: number } {
  let from = Math.max(0, start);
  while (from > 0 && !/\s/.test(text[from - 1] ?? " ")) from--;
  let to = Math.min(text.length, end);
  while (to < text.length && !/\s/.test(text[to] ?? " ")) to++;
  return { start: from, end: to };
}

/**
 * The stretches of a paragraph worth handing to chrono: every month or weekday name or digit-separator-digit,
 * with MARGIN characters around it, merged. Chrono's cost grows with the text it scans; most prose has none.
 */
export function chronoWindows(text: string): { start: number; end: number }[] {
  if (text.length <= WINDOWED_ABOVE) return CHRONO_TRIGGER.test(text) ? [{ start: 0, end: text.length }] : [];
  const windows: { start: number; end: number }[] = [];
  for (const trigger of text.matchAll(TRIGGERS)) {
    const at = trigger.index ?? 0;
    const window = expandToWhitespace(text, at - MARGIN, at + trigger[0].length + MARGIN);
    const last = windows[windows.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else windows.push(window);
  }
  return windows;
}

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character, before the line terminator. */
  end: number;
  /** Offset after the line terminator. */
  next: number;
  text: string;
}

/** The lines of `text` with their offsets; "\r\n", "\n" and "\r" all end a line. */
export function* linesOf(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    let next = end;
    if (text.charCodeAt(next) === 0x0d) next++;
    if (text.charCodeAt(next) === 0x0a) next++;
    yield { start, end, next, text: text.slice(start, end) };
    start = next;
  }
}

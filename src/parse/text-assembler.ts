import { MappedTextBuilder, type OffsetMap } from "../core/offset-map.js";
import type { Span } from "../core/document.js";

/** HTML's ASCII whitespace (also XML's, less the form feed). */
function isCollapsible(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c;
}

/**
 * Builds a document's visible text from pieces of its source, the way a browser lays out text:
 * whitespace runs collapse to one space, blocks are separated by a blank line, and nothing
 * dangles at the start or end of a block. Every character taken from the source keeps its map.
 */
export class TextAssembler {
  private readonly out: MappedTextBuilder;
  private pendingSpace: [number, number] | undefined;
  private pendingBreak: { text: string; at: number } | undefined;

  constructor(private readonly source: string) {
    this.out = new MappedTextBuilder(source);
  }

  /** Length of the text so far; the next content character lands at or after this offset. */
  get length(): number {
    return this.out.textLength;
  }

  /** Ends the current block; the next content starts after `separator` (a blank line by default). */
  blockBreak(at: number, separator = "\n\n"): void {
    this.pendingSpace = undefined;
    if (this.out.textLength === 0) return;
    if (!this.pendingBreak || separator.length > this.pendingBreak.text.length)
      this.pendingBreak = { text: separator, at };
  }

  /** A space between two words, unless the block has just started or one is already pending. */
  space(at: number): void {
    if (!this.pendingBreak && !this.pendingSpace && this.out.textLength > 0) this.pendingSpace = [at, at];
  }

  /** Appends source[start, end), collapsing whitespace unless `preserveWhitespace`. */
  appendSource(start: number, end: number, preserveWhitespace = false): void {
    if (end <= start) return;
    if (preserveWhitespace) {
      this.flush();
      this.out.copy(start, end);
      return;
    }
    const source = this.source;
    let i = start;
    while (i < end) {
      let j = i;
      for (;;) {
        while (j < end && !isCollapsible(source.charCodeAt(j))) j++;
        // A single space between words stays as it is: copy it with them, as one run.
        if (j > i && j + 1 < end && source.charCodeAt(j) === 0x20 && !isCollapsible(source.charCodeAt(j + 1))) j++;
        else break;
      }
      if (j > i) {
        this.flush();
        this.out.copy(i, j);
      }
      i = j;
      while (j < end && isCollapsible(source.charCodeAt(j))) j++;
      if (j > i && !this.pendingBreak && !this.pendingSpace && this.out.textLength > 0) this.pendingSpace = [i, j];
      i = j;
    }
  }

  /** Appends `text` standing for source[start, end) (a decoded entity, an unescaped character). */
  appendReplacement(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    if (/^[ \t\n\r\f\u00a0]+$/.test(text)) {
      this.space(start);
      return;
    }
    this.flush();
    this.out.replace(text, start, end);
  }

  /** Appends text that has no source of its own (a label, a separator inside a block). */
  insert(text: string, at: number): void {
    this.flush();
    this.out.insert(text, at);
  }

  /** Appends `text` right after what precedes it (no pending space), as a separator without source. */
  attach(text: string, at: number): void {
    this.pendingSpace = undefined;
    if (!this.pendingBreak) this.out.insert(text, at);
  }

  build(): { text: string; map: OffsetMap } {
    return this.out.build();
  }

  private flush(): void {
    if (this.pendingBreak) {
      this.out.insert(this.pendingBreak.text, this.pendingBreak.at);
    } else if (this.pendingSpace) {
      const [start, end] = this.pendingSpace;
      if (this.source.slice(start, end) === " ") this.out.copy(start, end);
      else this.out.replace(" ", start, end);
    }
    this.pendingBreak = undefined;
    this.pendingSpace = undefined;
  }
}

/** `span` shrunk so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

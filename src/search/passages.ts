import type { Section, SourceDocument } from "../core/document.js";
import { indexSegmenter, segmentParagraphs, type SegmentedParagraph, type Token } from "../segment/index.js";
import { surfaceKey, tokenTerm } from "./index-terms.js";

/** A paragraph at least this long ends its passage; shorter ones join the next. */
export const MIN_PASSAGE_CHARS = 300;
/** A passage grows no longer than this unless one unit alone is longer (it is not: units are cut). */
export const MAX_PASSAGE_CHARS = 1200;
/** Run-on sentences and texts without sentence punctuation are cut every this many tokens. */
export const MAX_UNIT_TOKENS = 120;

/** A sentence, or a piece of a run-on sentence: tokens [from, to) of one paragraph. */
interface Unit {
  start: number;
  end: number;
  from: number;
  to: number;
}

export interface PassageOptions {
  /** Every paragraph its own passage, however short (the rows of a table). */
  onePerParagraph?: boolean;
}

/**
 * Cuts a document into passages of about 300–1200 characters at sentence boundaries, never across a
 * section boundary, with the index strings of each. Pass `paragraphs` when the text was already
 * segmented for another stage, to segment it once.
 */
export function buildPassages(
  doc: SourceDocument,
  paragraphs: Iterable<SegmentedParagraph> = segmentParagraphs(doc.text, undefined, indexSegmenter),
  options: PassageOptions = {},
): PassageRecord[] {
  const minimum = options.onePerParagraph ? 0 : MIN_PASSAGE_CHARS;
  const boundaries = sectionBoundaries(doc.sections);
  const sections = new SectionTracker(doc.sections);
  const out: PassageRecord[] = [];
  const passage = new PassageAccumulator();
  let nextBoundary = 0;
  const flush = () => {
    if (passage.isEmpty) return;
    out.push(passage.take(doc.text, sections.titleAt(passage.start)));
  };
  for (const paragraph of paragraphs) {
    for (const unit of units(paragraph, boundaries)) {
      while (nextBoundary < boundaries.length && boundaries[nextBoundary]! <= unit.start) {
        if (!passage.isEmpty && boundaries[nextBoundary]! > passage.start) flush();
        nextBoundary++;
      }
      if (!passage.isEmpty && unit.end - passage.start > MAX_PASSAGE_CHARS) flush();
      passage.add(doc.text, paragraph.tokens, unit);
    }
    if (!passage.isEmpty && passage.end - passage.start >= minimum) flush();
  }
  flush();
  return out;
}

class PassageAccumulator {
  start = -1;
  end = -1;
  private terms: string[] = [];
  private keys: string[] = [];

  get isEmpty(): boolean {
    return this.start < 0;
  }

  add(text: string, tokens: Token[], unit: Unit): void {
    if (this.start < 0) this.start = unit.start;
    this.end = unit.end;
    for (let i = unit.from; i < unit.to; i++) {
      const token = tokens[i]!;
      const term = tokenTerm(token);
      if (term.length === 0) continue;
      this.terms.push(term);
      const key = surfaceKey(token.word ?? text.slice(token.start, token.end), token);
      if (key.length > 0) this.keys.push(key);
    }
  }

  take(text: string, section: string | undefined): PassageRecord {
    const record: PassageRecord = {
      start: this.start,
      end: this.end,
      text: text.slice(this.start, this.end),
      terms: this.terms.join(" "),
      keys: this.keys.join(" "),
      ...(section === undefined ? {} : { section }),
    };
    this.start = this.end = -1;
    this.terms = [];
    this.keys = [];
    return record;
  }
}

/**
 * Sentences of a paragraph, cut further at section boundaries and every MAX_UNIT_TOKENS tokens. A
 * token outside every sentence joins the next sentence (or the last one), so none is lost.
 */
function* units(paragraph: SegmentedParagraph, boundaries: readonly number[]): Generator<Unit> {
  const tokens = paragraph.tokens;
  const sentences = paragraph.sentences;
  let t = 0;
  let b = firstAfter(boundaries, paragraph.start);
  for (let s = 0; s < sentences.length || (s === 0 && tokens.length > 0); s++) {
    const sentenceEnd = s + 1 >= sentences.length ? Infinity : sentences[s]!.end;
    let from = t;
    while (t < tokens.length && tokens[t]!.start < sentenceEnd) {
      while (b < boundaries.length && boundaries[b]! <= tokens[from]!.start) b++;
      const token = tokens[t]!;
      const cut =
        t > from &&
        ((b < boundaries.length && token.start >= boundaries[b]!) ||
          t - from >= MAX_UNIT_TOKENS ||
          token.end - tokens[from]!.start > MAX_PASSAGE_CHARS);
      if (cut) {
        yield { start: tokens[from]!.start, end: tokens[t - 1]!.end, from, to: t };
        from = t;
      }
      t++;
    }
    if (t > from) yield { start: tokens[from]!.start, end: tokens[t - 1]!.end, from, to: t };
  }
}

function sectionBoundaries(sections: readonly Section[]): number[] {
  const points = new Set<number>();
  for (const s of sections) points.add(s.start).add(s.end);
  return [...points].sort((a, b) => a - b);
}

function firstAfter(sorted: readonly number[], position: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The innermost section around each position, for positions visited in increasing order. */
class SectionTracker {
  private readonly sorted: Section[];
  private readonly open: Section[] = [];
  private next = 0;

  constructor(sections: readonly Section[]) {
    this.sorted = [...sections].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  titleAt(position: number): string | undefined {
    while (this.next < this.sorted.length && this.sorted[this.next]!.start <= position) {
      this.open.push(this.sorted[this.next++]!);
    }
    for (let i = this.open.length - 1; i >= 0; i--) {
      if (this.open[i]!.end <= position) this.open.splice(i, 1);
    }
    const innermost = this.open[this.open.length - 1];
    return innermost && innermost.title.length > 0 ? innermost.title : undefined;
  }
}

/** A passage of a document with its index strings, as `buildPassages` cuts it and the store indexes it. */
export interface PassageRecord {
  /** Offsets into the document text, end exclusive. */
  start: number;
  end: number;
  /** Title of the innermost section around the passage. */
  section?: string;
  text: string;
  /** Folded lemmas of the passage's words, space separated. */
  terms: string;
  /** Transliteration keys of the passage's words, space separated. */
  keys: string;
}

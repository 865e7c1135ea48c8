/**
 * Maps every character offset of a derived text back to an offset in the text it was made from.
 *
 * Stored as runs. A verbatim run copies its source one to one; any other run is a replacement (an
 * entity `&amp;`, a mojibake sequence, a synthetic separator, a newline turned into a space) and all
 * its characters map to the start of the replaced source span.
 */
export interface OffsetRun {
  readonly textStart: number;
  readonly textLength: number;
  readonly sourceStart: number;
  readonly sourceLength: number;
  /**
   * Whether the run is a one-to-one copy. Omitted means "the two lengths are equal"; a replacement
   * whose lengths happen to be equal ("\n" → " ", U+212B → U+00C5) must say `false`.
   */
  readonly verbatim?: boolean;
}

function isVerbatimRun(run: OffsetRun): boolean {
  return run.textLength === run.sourceLength && run.verbatim !== false;
}

export class OffsetMap {
  private constructor(
    private readonly textStarts: Int32Array,
    private readonly textLengths: Int32Array,
    private readonly sourceStarts: Int32Array,
    private readonly sourceLengths: Int32Array,
    /** 1 for verbatim runs, 0 for replacements. */
    private readonly verbatimFlags: Uint8Array,
  ) {}

  /** A map of `n` runs, every column zero, for the caller to fill. */
  private static ofRuns(n: number): OffsetMap {
    return new OffsetMap(new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), new Uint8Array(n));
  }

  static identity(length: number): OffsetMap {
    return OffsetMap.fromRuns([{ textStart: 0, textLength: length, sourceStart: 0, sourceLength: length }]);
  }

  static fromRuns(runs: readonly OffsetRun[]): OffsetMap {
    const n = runs.length;
    const map = OffsetMap.ofRuns(n);
    runs.forEach((run, i) => {
      map.textStarts[i] = run.textStart;
      map.textLengths[i] = run.textLength;
      map.sourceStarts[i] = run.sourceStart;
      map.sourceLengths[i] = run.sourceLength;
      map.verbatimFlags[i] = isVerbatimRun(run) ? 1 : 0;
    });
    return map;
  }

  /** For `OffsetMapBuilder`: takes ownership of the arrays (verbatim flag 1, replacement 0). */
  static fromColumns(
    textStarts: Int32Array,
    textLengths: Int32Array,
    sourceStarts: Int32Array,
    sourceLengths: Int32Array,
    verbatimFlags: Uint8Array,
  ): OffsetMap {
    return new OffsetMap(textStarts, textLengths, sourceStarts, sourceLengths, verbatimFlags);
  }

  get runCount(): number {
    return this.textStarts.length;
  }

  runs(): OffsetRun[] {
    const out: OffsetRun[] = [];
    for (let i = 0; i < this.runCount; i++) out.push(this.run(i));
    return out;
  }

  private run(i: number): OffsetRun {
    const run = {
      textStart: this.textStarts[i]!,
      textLength: this.textLengths[i]!,
      sourceStart: this.sourceStarts[i]!,
      sourceLength: this.sourceLengths[i]!,
    };
    return this.verbatimFlags[i] === 1 || run.textLength !== run.sourceLength ? run : { ...run, verbatim: false };
  }

  /** Whether the character at `textOffset` is a verbatim copy of the source character it maps to. */
  isVerbatim(textOffset: number): boolean {
    if (this.runCount === 0) return true;
    const i = this.runIndex(textOffset);
    const within = textOffset - this.textStarts[i]!;
    return within >= 0 && within < this.textLengths[i]! && this.verbatimFlags[i] === 1;
  }

  /** Source offset of the character at `textOffset`; an offset equal to the text length maps to the end. */
  toSource(textOffset: number): number {
    if (this.runCount === 0) return textOffset;
    const i = this.runIndex(textOffset);
    const within = textOffset - this.textStarts[i]!;
    if (within >= this.textLengths[i]!) return this.sourceStarts[i]! + this.sourceLengths[i]!;
    if (this.verbatimFlags[i] === 1) return this.sourceStarts[i]! + Math.max(0, within);
    return this.sourceStarts[i]!;
  }

  /**
   * Source span covering the text span [start, end). When the text reorders its source (footnotes
   * moved after the body), this is the smallest span covering every source character involved.
   */
  spanToSource(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.toSource(start);
      return [at, at];
    }
    if (this.isMonotone()) return [this.toSource(start), this.toSourceEnd(end)];
    let from = Infinity;
    let to = -Infinity;
    for (let i = this.runIndex(start); i < this.runCount && this.textStarts[i]! < end; i++) {
      const runStart = Math.max(start, this.textStarts[i]!);
      const runEnd = Math.min(end, this.textStarts[i]! + this.textLengths[i]!);
      if (runEnd <= runStart) continue;
      from = Math.min(from, this.toSource(runStart));
      to = Math.max(to, this.toSourceEnd(runEnd));
    }
    if (from === Infinity) return [this.toSource(start), this.toSourceEnd(end)];
    return [from, Math.max(from, to)];
  }

  private monotone: boolean | undefined;

  /** Whether source spans never go backwards as the text goes forwards. */
  private isMonotone(): boolean {
    if (this.monotone === undefined) {
      this.monotone = true;
      for (let i = 1; i < this.runCount && this.monotone; i++) {
        this.monotone = this.sourceStarts[i]! >= this.sourceStarts[i - 1]! + this.sourceLengths[i - 1]!;
      }
    }
    return this.monotone;
  }

  private toSourceEnd(textEnd: number): number {
    if (this.runCount === 0) return textEnd;
    const i = this.runIndex(textEnd - 1);
    if (this.verbatimFlags[i] === 1) return this.toSource(textEnd - 1) + 1;
    return this.sourceStarts[i]! + this.sourceLengths[i]!;
  }

  private runIndex(textOffset: number): number {
    let lo = 0;
    let hi = this.runCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.textStarts[mid]! <= textOffset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** `this` maps A→B and `inner` maps B→C: the result maps A→C. */
  compose(inner: OffsetMap): OffsetMap {
    const builder = new OffsetMapBuilder();
    for (let i = 0; i < this.runCount; i++) {
      const run = this.run(i);
      if (this.verbatimFlags[i] === 1) {
        for (const piece of inner.slice(run.sourceStart, run.sourceStart + run.sourceLength)) {
          builder.push(
            run.textStart + (piece.textStart - run.sourceStart),
            piece.textLength,
            piece.sourceStart,
            piece.sourceLength,
            isVerbatimRun(piece),
          );
        }
      } else {
        const [sourceStart, sourceEnd] = inner.spanToSource(run.sourceStart, run.sourceStart + run.sourceLength);
        builder.push(run.textStart, run.textLength, sourceStart, sourceEnd - sourceStart, false);
      }
    }
    return builder.build();
  }

  /** The runs of this map restricted to text span [start, end), split where needed. */
  private slice(start: number, end: number): OffsetRun[] {
    const out: OffsetRun[] = [];
    if (end <= start) return out;
    if (this.runCount === 0)
      return [{ textStart: start, textLength: end - start, sourceStart: start, sourceLength: end - start }];
    for (let i = this.runIndex(start); i < this.runCount; i++) {
      const run = this.run(i);
      if (run.textStart >= end) break;
      const from = Math.max(start, run.textStart);
      const to = Math.min(end, run.textStart + run.textLength);
      if (to <= from) continue;
      if (this.verbatimFlags[i] === 1) {
        out.push({
          textStart: from,
          textLength: to - from,
          sourceStart: run.sourceStart + (from - run.textStart),
          sourceLength: to - from,
        });
      } else {
        out.push({
          textStart: from,
          textLength: to - from,
          sourceStart: run.sourceStart,
          sourceLength: run.sourceLength,
          verbatim: false,
        });
      }
    }
    return out;
  }

  /**
   * Four numbers per run: textStart, textLength, sourceStart, sourceLength. A replacement whose two
   * lengths are equal stores its source length as `-1 - sourceLength`.
   */
  toJSON(): number[] {
    return Array.from(this.toFlat());
  }

  /** The numbers of `toJSON` in a typed array, which crosses a worker boundary as one copy. */
  toFlat(): Int32Array {
    const flat = new Int32Array(this.runCount * 4);
    for (let i = 0; i < this.runCount; i++) {
      const textLength = this.textLengths[i]!;
      const sourceLength = this.sourceLengths[i]!;
      flat[i * 4] = this.textStarts[i]!;
      flat[i * 4 + 1] = textLength;
      flat[i * 4 + 2] = this.sourceStarts[i]!;
      flat[i * 4 + 3] = this.verbatimFlags[i] === 0 && textLength === sourceLength ? -1 - sourceLength : sourceLength;
    }
    return flat;
  }

  static fromJSON(flat: ArrayLike<number>): OffsetMap {
    const n = Math.floor(flat.length / 4);
    const map = OffsetMap.ofRuns(n);
    for (let i = 0; i < n; i++) {
      const textLength = flat[i * 4 + 1]!;
      const encoded = flat[i * 4 + 3]!;
      const sourceLength = encoded < 0 ? -1 - encoded : encoded;
      map.textStarts[i] = flat[i * 4]!;
      map.textLengths[i] = textLength;
      map.sourceStarts[i] = flat[i * 4 + 2]!;
      map.sourceLengths[i] = sourceLength;
      map.verbatimFlags[i] = encoded >= 0 && textLength === sourceLength ? 1 : 0;
    }
    return map;
  }
}

/** Accumulates runs in text order, merging adjacent verbatim runs. */
export class OffsetMapBuilder {
  private textStarts = new Int32Array(16);
  private textLengths = new Int32Array(16);
  private sourceStarts = new Int32Array(16);
  private sourceLengths = new Int32Array(16);
  private verbatimFlags = new Uint8Array(16);
  private count = 0;

  push(
    textStart: number,
    textLength: number,
    sourceStart: number,
    sourceLength: number,
    verbatim = textLength === sourceLength,
  ): void {
    if (textLength === 0) return;
    const isVerbatim = verbatim && textLength === sourceLength;
    const last = this.count - 1;
    if (
      isVerbatim &&
      last >= 0 &&
      this.verbatimFlags[last] === 1 &&
      this.textStarts[last]! + this.textLengths[last]! === textStart &&
      this.sourceStarts[last]! + this.sourceLengths[last]! === sourceStart
    ) {
      this.textLengths[last] = this.textLengths[last]! + textLength;
      this.sourceLengths[last] = this.sourceLengths[last]! + sourceLength;
      return;
    }
    if (this.count === this.textStarts.length) this.grow();
    const i = this.count++;
    this.textStarts[i] = textStart;
    this.textLengths[i] = textLength;
    this.sourceStarts[i] = sourceStart;
    this.sourceLengths[i] = sourceLength;
    this.verbatimFlags[i] = isVerbatim ? 1 : 0;
  }

  private grow(): void {
    const size = this.textStarts.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.textStarts = grown(this.textStarts, new Int32Array(size));
    this.textLengths = grown(this.textLengths, new Int32Array(size));
    this.sourceStarts = grown(this.sourceStarts, new Int32Array(size));
    this.sourceLengths = grown(this.sourceLengths, new Int32Array(size));
    this.verbatimFlags = grown(this.verbatimFlags, new Uint8Array(size));
  }

  build(): OffsetMap {
    const n = this.count;
    return OffsetMap.fromColumns(
      this.textStarts.slice(0, n),
      this.textLengths.slice(0, n),
      this.sourceStarts.slice(0, n),
      this.sourceLengths.slice(0, n),
      this.verbatimFlags.slice(0, n),
    );
  }
}

/** Builds a derived text and its offset map together. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly map = new OffsetMapBuilder();
  private length = 0;

  constructor(private readonly source: string) {}

  get textLength(): number {
    return this.length;
  }

  /** Appends source[start, end) verbatim. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.source.slice(start, end));
    this.map.push(this.length, end - start, start, end - start);
    this.length += end - start;
  }

  /** Appends `text` standing for source[start, end). */
  replace(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    if (text === this.source.slice(start, end)) {
      this.copy(start, end);
      return;
    }
    this.parts.push(text);
    this.map.push(this.length, text.length, start, end - start, false);
    this.length += text.length;
  }

  /** Appends text with no source of its own (a separator), anchored at source offset `at`. */
  insert(text: string, at: number): void {
    this.replace(text, at, at);
  }

  endsWith(suffix: string): boolean {
    let tail = "";
    for (let i = this.parts.length - 1; i >= 0 && tail.length < suffix.length; i--) tail = this.parts[i]! + tail;
    return tail.endsWith(suffix);
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(""), map: this.map.build() };
  }
}

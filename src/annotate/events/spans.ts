import type { Span } from "../../core/document.js";

/** Index of the first span in `sorted` (ordered by start) that starts at or after `offset`. */
export function firstStartingAt<T extends Span>(sorted: readonly T[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The spans of `sorted` lying wholly inside [start, end). */
export function spansWithin<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(sorted, start); i < sorted.length; i++) {
    const span = sorted[i]!;
    if (span.start >= end) break;
    if (span.end <= end) out.push(span);
  }
  return out;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

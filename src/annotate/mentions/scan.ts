/**
 * Fast scanning for the pattern extractors. Unicode-aware regular expressions are slow to try at
 * every position of a long text, so a cheap pass finds where capitalised words (and joined
 * articles such as "al-") start, once per context, and each extractor tries its sticky pattern
 * only there. Only the text of the context's paragraphs is scanned: a caller that extracts batch
 * by batch gets each mention once.
 */
import type { Span } from "../../core/document.js";
import type { MentionContext } from "./types.js";

const CANDIDATE_START =
  /[A-Z\u00C0-\u00DE\u0100-\u024F\u0370-\u03FF\u0400-\u042F]|(?:al|el|as|ar|ad|an|at|az|ash|ud|ul)[-‐]/g;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

const rangeCache = new WeakMap<MentionContext, Span>();
const startCache = new WeakMap<MentionContext, Int32Array>();

/** The part of document.text the context's paragraphs cover. */
export function scanRange(context: MentionContext): Span {
  let range = rangeCache.get(context);
  if (!range) {
    const { paragraphs, document } = context;
    range =
      paragraphs.length === 0
        ? { start: 0, end: document.text.length }
        : { start: paragraphs[0]!.start, end: paragraphs[paragraphs.length - 1]!.end };
    rangeCache.set(context, range);
  }
  return range;
}

export function inRange(context: MentionContext, span: Span): boolean {
  const range = scanRange(context);
  return span.start >= range.start && span.end <= range.end;
}

/** Offsets where a capitalised word or a joined Arabic article ("al-Bakr") starts, in order. */
export function nameStarts(context: MentionContext): Int32Array {
  let starts = startCache.get(context);
  if (starts) return starts;
  const text = context.document.text;
  const range = scanRange(context);
  const found: number[] = [];
  CANDIDATE_START.lastIndex = range.start;
  for (let match = CANDIDATE_START.exec(text); match && match.index < range.end; match = CANDIDATE_START.exec(text)) {
    const at = match.index;
    const before = text[at - 1];
    if (before !== undefined && WORD_CHAR.test(before)) continue;
    const first = text[at]!;
    if (match[0].length === 1 && first === first.toLowerCase()) continue;
    found.push(at);
  }
  starts = Int32Array.from(found);
  startCache.set(context, starts);
  return starts;
}

/**
 * The spans a sticky pattern (flags "uy") matches, tried at every name start; a match hides the
 * starts it covers. Only spans: most callers need no groups, and match arrays are costly.
 */
export function spansAtNameStarts(context: MentionContext, pattern: RegExp): Span[] {
  const text = context.document.text;
  const spans: Span[] = [];
  let covered = -1;
  for (const start of nameStarts(context)) {
    if (start < covered) continue;
    pattern.lastIndex = start;
    if (pattern.test(text)) {
      covered = pattern.lastIndex;
      spans.push({ start, end: covered });
    }
  }
  return spans;
}

/** Matches of a global pattern within the scanned range. */
export function* matchesInRange(context: MentionContext, pattern: RegExp): Generator<RegExpExecArray> {
  const text = context.document.text;
  const range = scanRange(context);
  pattern.lastIndex = range.start;
  for (let match = pattern.exec(text); match && match.index < range.end; match = pattern.exec(text)) {
    yield match;
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

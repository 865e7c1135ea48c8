/** Building a MentionContext and the mentions extractors return. */
import type { SourceDocument, Span } from "../../core/document.js";
import type { SegmentedParagraph } from "../../segment/index.js";
import type { Mention, MentionContext, MentionType } from "./types.js";

/** Under one capital letter in this many letters, capitalization says nothing (seed 000 has none). */
const CASELESS_RATIO = 1 / 500;

export function isCaseless(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) letters++;
    else if (code >= 65 && code <= 90) {
      letters++;
      upper++;
    }
  }
  return letters >= 20 && upper < letters * CASELESS_RATIO;
}

export function createContext(
  document: SourceDocument,
  paragraphs: readonly SegmentedParagraph[],
  caseless = isCaseless(document.text),
): MentionContext {
  return { document, paragraphs, caseless };
}

const sentenceCache = new WeakMap<MentionContext, Span[]>();

function sentencesOf(context: MentionContext): Span[] {
  let spans = sentenceCache.get(context);
  if (!spans) {
    spans = context.paragraphs.flatMap((paragraph) =>
      paragraph.sentences.length > 0 ? paragraph.sentences : [{ start: paragraph.start, end: paragraph.end }],
    );
    spans.sort((a, b) => a.start - b.start);
    sentenceCache.set(context, spans);
  }
  return spans;
}

/** The sentence around a span: an infobox field for infobox values, else the segmenter's sentence, else the line. */
export function sentenceOf(context: MentionContext, start: number, end: number): Span {
  for (const field of context.document.infobox) {
    if (start >= field.start && end <= field.end) return { start: field.start, end: field.end };
  }
  const spans = sentencesOf(context);
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (span.end <= start) low = middle + 1;
    else if (span.start > start) high = middle - 1;
    else return { start: span.start, end: Math.max(span.end, end) };
  }
  const text = context.document.text;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd };
}

export interface MentionFields {
  type: MentionType;
  name: string;
  extractor: string;
  confidence: number;
  role?: string | undefined;
  ref?: string | undefined;
  aliasOf?: string | undefined;
}

/** A mention of document.text[start, end). */
export function makeMention(context: MentionContext, start: number, end: number, fields: MentionFields): Mention {
  const mention: Mention = {
    start,
    end,
    text: context.document.text.slice(start, end),
    type: fields.type,
    name: fields.name,
    extractor: fields.extractor,
    confidence: Math.round(fields.confidence * 100) / 100,
    sentence: sentenceOf(context, start, end),
  };
  if (fields.role !== undefined) mention.role = fields.role;
  if (fields.ref !== undefined) mention.ref = fields.ref;
  if (fields.aliasOf !== undefined) mention.aliasOf = fields.aliasOf;
  return mention;
}

import type { Span } from "../core/document.js";
import { ruleSegmenter, ruleSegmenterWith } from "./rules.js";
import type { Lexicon } from "./lexicon.js";
import type { SegmentedParagraph, Segmenter } from "./types.js";
import { winkSegmenter } from "./wink.js";

export type { SegmentedParagraph, Segmenter, Token } from "./types.js";
export type { LexicalEntry, Lexicon } from "./lexicon.js";
export { lexiconWords as indexLexiconWords } from "./rules.js";

/** The extractors' segmenter (wink-nlp): their patterns and model were built on its tokens. */
export const linguisticSegmenter: Segmenter = winkSegmenter;
/** The full-text index's segmenter (rules): passages at ingest, queries and highlights at search. */
export const indexSegmenter: Segmenter = ruleSegmenter;
/** The index's segmenter with lemmas and stop flags from `lexicon` (a knowledge base's table of wink-nlp's). */
export const indexSegmenterWith = (lexicon: Lexicon): Segmenter => ruleSegmenterWith(lexicon);

/** Paragraph spans: text separated by blank lines, trimmed of surrounding whitespace. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const blank = /\n[ \t\r\f\v]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(blank)) {
    pushTrimmed(text, start, match.index, spans);
    start = match.index + match[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** Segments a whole text paragraph by paragraph, without holding every token at once. */
export function* segmentParagraphs(
  text: string,
  paragraphs: Span[] = paragraphSpans(text),
  segmenter: Segmenter = linguisticSegmenter,
): Generator<SegmentedParagraph> {
  for (const paragraph of paragraphs) yield segmenter.segmentSpan(text, paragraph);
}

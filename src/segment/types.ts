import type { Span } from "../core/document.js";

export interface Token extends Span {
  /** Lower-cased lemma as wink-nlp's lexicon gives it ("officers" → "officer", "was" → "be"). */
  lemma: string;
  stop: boolean;
  /** True for punctuation, symbols and whitespace-only tokens. */
  punctuation: boolean;
  /** The word's text, one string for the tokens of one spelling (the index segmenter's words). */
  word?: string;
}

export interface SegmentedParagraph extends Span {
  sentences: Span[];
  tokens: Token[];
}

/** Sentences and tokens of one span of a text, with offsets into that text. */
export interface Segmenter {
  segmentSpan(text: string, span: Span): SegmentedParagraph;
}

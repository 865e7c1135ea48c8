import { createRequire } from "node:module";
import type winkNLP from "wink-nlp";
import type { Span } from "../core/document.js";
import { lexicalEntry } from "./lexicon.js";
import type { SegmentedParagraph, Segmenter, Token } from "./types.js";

/**
 * Paragraphs longer than this are segmented in slices cut at whitespace, so a 50 MB one-line file
 * never becomes one wink document.
 */
const MAX_SLICE = 20_000;

type WinkNlp = ReturnType<typeof winkNLP>;
let loaded: WinkNlp | undefined;

/** wink-nlp with its English model, loaded on first use (a tenth of a second) so commands that read no text skip it. */
export function nlp(): WinkNlp {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const create = require("wink-nlp") as typeof winkNLP;
    loaded = create(require("wink-eng-lite-web-model") as Parameters<typeof winkNLP>[0], ["sbd"]);
  }
  return loaded;
}

/** Cuts a long span at whitespace into pieces of at most MAX_SLICE characters. */
function slices(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SLICE) {
    let cut = text.lastIndexOf(" ", start + MAX_SLICE);
    if (cut <= start) cut = start + MAX_SLICE;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: span.end });
  return out;
}

/** wink-nlp cuts words at letters outside Latin-1 ("Erdoğan" → "Erdo", "ğ", "an"). */
const LETTERS = /^[\p{L}\p{M}]+$/u;
const beyondLatin1 = (character: string) => character.codePointAt(0)! > 0xff;

function continuesWord(text: string, previous: Token | undefined, at: number, value: string): boolean {
  if (!previous || previous.end !== at || !LETTERS.test(value)) return false;
  const before = text.slice(previous.start, previous.end);
  return LETTERS.test(before) && (beyondLatin1(before.at(-1)!) || beyondLatin1(value[0]!));
}

/**
 * wink-nlp splits "Russia's" into "Russia" and "'s" until it has once kept the word whole, after
 * which it never splits it again: its tokens would depend on the documents read before. The
 * possessive is split here, as a fresh wink-nlp splits it, whatever wink-nlp remembers.
 */
const POSSESSIVE = /^(.*[\p{L}\p{M}\p{N}])(['’][sS])$/u;
const PLURAL_POSSESSIVE = /^(.*[\p{L}\p{M}\p{N}][sS])(['’])$/u;

/** Pushes a word wink-nlp left whole; a possessive ending becomes a token of its own. */
function pushSplitting(tokens: Token[], at: number, value: string, entry: Omit<Token, "start" | "end">): void {
  const possessive = POSSESSIVE.exec(value) ?? PLURAL_POSSESSIVE.exec(value);
  if (!possessive) {
    tokens.push({ start: at, end: at + value.length, ...entry });
    return;
  }
  const base = possessive[1]!;
  const ending = possessive[2]!;
  const baseEntry = lexicalEntry(base);
  tokens.push({ start: at, end: at + base.length, lemma: baseEntry.lemma, stop: baseEntry.stop, punctuation: false });
  tokens.push({
    start: at + base.length,
    end: at + value.length,
    lemma: ending.toLowerCase(),
    stop: false,
    punctuation: ending.length === 1,
  });
}

function segmentSlice(text: string, slice: Span, sentences: Span[], tokens: Token[]): void {
  const wink = nlp();
  const its = wink.its;
  const doc = wink.readDoc(text.slice(slice.start, slice.end));
  const values = doc.tokens().out(its.value) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const types = doc.tokens().out(its.type) as string[];
  /** The first and last of our tokens each of wink's tokens became, or is part of. */
  const firstOf: number[] = [];
  const lastOf: number[] = [];
  let cursor = slice.start;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const at = text.indexOf(value, cursor);
    if (at < 0 || at >= slice.end) continue;
    cursor = at + value.length;
    const previous = tokens.at(-1);
    firstOf[i] = tokens.length;
    if (continuesWord(text, previous, at, value)) {
      firstOf[i] = tokens.length - 1;
      previous!.end = cursor;
      previous!.lemma = text.slice(previous!.start, cursor).toLowerCase();
      previous!.stop = false;
    } else {
      pushSplitting(tokens, at, value, {
        lemma: (lemmas[i] ?? value).toLowerCase(),
        stop: stops[i] === true,
        punctuation: types[i] === "punctuation" || types[i] === "symbol" || types[i] === "tabCRLF",
      });
    }
    lastOf[i] = tokens.length - 1;
  }
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of sentenceSpans) {
    const a = tokens[firstOf[first] ?? -1];
    const b = tokens[lastOf[last] ?? -1];
    if (a && b) sentences.push({ start: a.start, end: b.end });
  }
}

/** wink-nlp's tokens and sentence boundaries: the segmenter of the extractors. */
export const winkSegmenter: Segmenter = {
  segmentSpan(text: string, span: Span): SegmentedParagraph {
    const sentences: Span[] = [];
    const tokens: Token[] = [];
    for (const slice of slices(text, span)) segmentSlice(text, slice, sentences, tokens);
    return { ...span, sentences, tokens };
  },
};

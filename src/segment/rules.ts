import type { Span } from "../core/document.js";
import type { SegmentedParagraph, Segmenter, Token } from "./types.js";
import { lexicalEntry, type LexicalEntry, type Lexicon } from "./lexicon.js";

/**
 * Tokens and sentences by one regular expression, about four times faster than wink-nlp: the
 * segmenter of the full-text index (passages at ingest, queries and highlights at search), where
 * speed counts and tokens need not feed a tagger. Lemmas and stop words still come from wink-nlp's
 * lexicon, one look-up per distinct word, so index terms are the lemmas the rest of annals knows.
 * Hyphens split words as wink-nlp splits them ("al-Rashid" → "al", "-", "Rashid"); apostrophes stay
 * inside ("Ba'ath", "Sa‘di") except English clitics ("Qasim's" → "Qasim", "'s"; "didn't" → "did", "n't").
 */
const TOKEN = /(https?:\/\/[^\s<>"]+)|([\p{L}\p{M}\p{N}]+(?:['’‘ʿʾ`ʻʼ][\p{L}\p{M}\p{N}]+)*)|\S/gu;
const CLITIC = /(?:n['’]t|['’](?:s|d|ll|re|ve|m))$/i;
const APOSTROPHE = /['’]/;
const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Words that take a full stop without ending a sentence (lower-cased, without the stop). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep pres amb st mt ft jr sr rev hon " +
    "no nos vol vols pp ed eds fig figs cf vs approx est dept univ corp inc ltd bros " +
    "jan feb mar apr jun jul aug sep sept oct nov dec"
  ).split(" "),
);

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»"]);

/** What every token of one spelling shares; `word` is the spelling, one string for all of them. */
interface WordFields {
  word: string;
  lemma: string;
  stop: boolean;
}

type WordTable = (value: string) => WordFields;

/** Distinct spellings a segmenter remembers; past this it starts again. */
const WORD_TABLE_LIMIT = 300_000;

/** Each spelling's fields computed once (a letter test and a lexicon call), then looked up. */
function wordTable(lexicon: Lexicon): WordTable {
  const table = new Map<string, WordFields>();
  return (value) => {
    let fields = table.get(value);
    if (fields === undefined) {
      const entry = LETTER.test(value) ? lexicon(value) : undefined;
      fields = { word: value, lemma: entry?.lemma ?? value, stop: entry?.stop ?? false };
      if (table.size >= WORD_TABLE_LIMIT) table.clear();
      table.set(value, fields);
    }
    return fields;
  };
}

function wordToken(text: string, start: number, end: number, words: WordTable): Token {
  const { word, lemma, stop } = words(text.slice(start, end));
  return { start, end, lemma, stop, punctuation: false, word };
}

/** Whether the word ending at `end` takes the full stop after it ("Mr.", "J."). */
function takesStop(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) !== 46) return false;
  if (end - start === 1) return /\p{Lu}/u.test(text[start]!);
  return end - start <= 5 && ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}

function tokenize(text: string, span: Span, tokens: Token[], lexicon: WordTable): void {
  TOKEN.lastIndex = span.start;
  for (let match = TOKEN.exec(text); match !== null && match.index < span.end; match = TOKEN.exec(text)) {
    const start = match.index;
    const end = Math.min(start + match[0].length, span.end);
    if (match[1] !== undefined) {
      tokens.push({ start, end, lemma: match[1].toLowerCase(), stop: false, punctuation: false });
    } else if (match[2] !== undefined) {
      const word = match[2];
      const clitic = word.length > 3 && APOSTROPHE.test(word) ? CLITIC.exec(word) : null;
      if (clitic && clitic.index > 0) {
        tokens.push(
          wordToken(text, start, start + clitic.index, lexicon),
          wordToken(text, start + clitic.index, end, lexicon),
        );
      } else if (end < span.end && takesStop(text, start, end)) {
        TOKEN.lastIndex = end + 1;
        tokens.push(wordToken(text, start, end + 1, lexicon));
      } else tokens.push(wordToken(text, start, end, lexicon));
    } else {
      const value = match[0];
      const punctuation = !WORD_CHAR.test(value);
      tokens.push({ start, end, lemma: value.toLowerCase(), stop: false, punctuation });
    }
  }
}

/** Sentences end at . ! ? (and closing quotes or brackets after them) before a capital, digit or opener. */
function sentences(text: string, tokens: readonly Token[]): Span[] {
  const out: Span[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!TERMINATORS.has(text[tokens[i]!.start]!) || tokens[i]!.end - tokens[i]!.start !== 1) continue;
    let last = i;
    while (isCloserAt(text, tokens, last + 1)) last++;
    const next = tokens[last + 1];
    if (next && (next.start === tokens[last]!.end || !startsSentence(text, next))) continue;
    out.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    first = last + 1;
    i = last;
  }
  if (first < tokens.length) out.push({ start: tokens[first]!.start, end: tokens[tokens.length - 1]!.end });
  return out;
}

/** A closing quote or bracket right after the token before it ("road.)", not "left! \"Why"). */
function isCloserAt(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return token !== undefined && token.start === tokens[i - 1]!.end && CLOSERS.has(text[token.start]!);
}

function startsSentence(text: string, token: Token): boolean {
  const c = text[token.start]!;
  return /[\p{Lu}\p{N}"“‘'([¿¡]/u.test(c);
}

/** The rule segmenter with the lemmas and stop flags of `lexicon`, which must agree with wink-nlp's. */
export function ruleSegmenterWith(lexicon: Lexicon): Segmenter {
  const words = wordTable(lexicon);
  return {
    segmentSpan(text: string, span: Span): SegmentedParagraph {
      const tokens: Token[] = [];
      tokenize(text, span, tokens, words);
      return { ...span, sentences: sentences(text, tokens), tokens };
    },
  };
}

export const ruleSegmenter: Segmenter = ruleSegmenterWith(lexicalEntry);

const UNREAD: LexicalEntry = { lemma: "", stop: false };

/** The words whose lexical entries segmenting `text` looks up, each once, without looking them up. */
export function lexiconWords(text: string): Set<string> {
  const words = new Set<string>();
  const record = wordTable((word) => {
    words.add(word);
    return UNREAD;
  });
  tokenize(text, { start: 0, end: text.length }, [], record);
  return words;
}

/**
 * Token views of a document shared by the extractors, built once per MentionContext from the
 * caller's segmentation: match tokens (words folded for dictionary lookups) and model sentences.
 */
import type { Span } from "../../core/document.js";
import { foldToken, tokenKey } from "../../core/name-key.js";
import type { SegmentedParagraph } from "../../segment/index.js";
import type { MentionContext } from "./types.js";

/** A word for dictionary lookups; hyphens and apostrophes inside words are skipped, other punctuation breaks matches. */
export interface MatchToken extends Span {
  /** Lower-cased, without diacritics, apostrophes and dots ("Ba'ath" → "baath", "U.S." → "us"). */
  key: string;
  capitalised: boolean;
  /** First word of its sentence. */
  sentenceInitial: boolean;
  /** Punctuation or a paragraph break separates it from the previous word. */
  barrierBefore: boolean;
}

export interface ModelSentence {
  words: string[];
  starts: number[];
  ends: number[];
}

/** Lower-cased letters and digits of a word, for dictionary keys. */
export function matchKey(word: string): string {
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) {
    const code = word.charCodeAt(i);
    plain = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return plain ? word.toLowerCase() : foldToken(word).replace(/[^\p{L}\p{N}]/gu, "");
}

const transliterationKeys = new Map<string, string>();

/** tokenKey (core/name-key.ts), remembered: the same words recur throughout a corpus. */
export function cachedTokenKey(word: string): string {
  let key = transliterationKeys.get(word);
  if (key === undefined) {
    if (transliterationKeys.size > 200_000) transliterationKeys.clear();
    key = tokenKey(word);
    transliterationKeys.set(word, key);
  }
  return key;
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

const cache = new WeakMap<MentionContext, { match?: MatchToken[]; model?: ModelSentence[] }>();

function entry(context: MentionContext) {
  let found = cache.get(context);
  if (!found) cache.set(context, (found = {}));
  return found;
}

export function matchTokens(context: MentionContext): MatchToken[] {
  const cached = entry(context);
  cached.match ??= buildMatchTokens(context.document.text, context.paragraphs);
  return cached.match;
}

export function modelSentences(context: MentionContext): ModelSentence[] {
  const cached = entry(context);
  cached.model ??= buildModelSentences(context.document.text, context.paragraphs);
  return cached.model;
}

const HYPHEN = 45;
const DASH = 0x2010;

function isJoinerAt(text: string, token: { start: number; end: number }): boolean {
  if (token.end - token.start !== 1) return false;
  const code = text.charCodeAt(token.start);
  const joiner = code === HYPHEN || code === DASH || code === 0x2013 || code === 39 || code === 0x2019;
  if (!joiner || token.start === 0) return false;
  return !/\s/.test(text[token.start - 1]!) && !/\s/.test(text[token.end] ?? " ");
}

function isPossessive(text: string, start: number, end: number): boolean {
  if (end - start !== 2) return false;
  const apostrophe = text.charCodeAt(start);
  const s = text.charCodeAt(start + 1);
  return (apostrophe === 39 || apostrophe === 0x2019) && (s === 115 || s === 83);
}

function buildMatchTokens(text: string, paragraphs: readonly SegmentedParagraph[]): MatchToken[] {
  const out: MatchToken[] = [];
  let barrier = true;
  let sentenceStarted = false;
  const add = (part: string, offset: number): void => {
    const key = part.length === 0 ? "" : matchKey(part);
    if (key.length === 0) {
      barrier ||= part.length > 0;
      return;
    }
    out.push({
      start: offset,
      end: offset + part.length,
      key,
      capitalised: isCapitalised(part),
      sentenceInitial: !sentenceStarted,
      barrierBefore: barrier,
    });
    sentenceStarted = true;
    barrier = false;
  };
  for (const paragraph of paragraphs) {
    barrier = true;
    sentenceStarted = false;
    let sentence = 0;
    const sentences = paragraph.sentences;
    for (const token of paragraph.tokens) {
      while (sentence < sentences.length && token.start >= sentences[sentence]!.end) {
        sentence++;
        sentenceStarted = false;
      }
      if (token.punctuation || isPossessive(text, token.start, token.end)) {
        if (!isJoinerAt(text, token)) barrier = true;
        continue;
      }
      const value = text.slice(token.start, token.end);
      // wink keeps some hyphenated words whole ("pro-Qassem"): their parts are words here.
      if (value.indexOf("-") < 0 && value.indexOf("‐") < 0) {
        add(value, token.start);
        continue;
      }
      let offset = token.start;
      for (const part of value.split(/[-‐]/)) {
        add(part, offset);
        offset += part.length + 1;
      }
    }
  }
  return out;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Whether `value`, written right after `lastWord`, continues it across an inner hyphen ("al" "-" "Bakr"). */
function joinsWord(lastWord: string, value: string): boolean {
  const joins = /^[-‐]$/.test(value) ? /[\p{L}\p{N}]$/u.test(lastWord) : /[-‐]$/.test(lastWord);
  return joins && /^[-‐\p{L}\p{N}]/u.test(value);
}

/** Sentences as the tagger was trained on them: words joined by inner hyphens, cut at line breaks. */
function buildModelSentences(text: string, paragraphs: readonly SegmentedParagraph[]): ModelSentence[] {
  const out: ModelSentence[] = [];
  for (const paragraph of paragraphs) {
    let current: ModelSentence = { words: [], starts: [], ends: [] };
    let sentence = 0;
    const flush = (): void => {
      if (current.words.length > 0) out.push(current);
      current = { words: [], starts: [], ends: [] };
    };
    for (const token of paragraph.tokens) {
      while (sentence < paragraph.sentences.length && token.start >= paragraph.sentences[sentence]!.end) {
        sentence++;
        flush();
      }
      const value = text.slice(token.start, token.end);
      if (/^\s+$/.test(value)) continue;
      const last = current.words.length - 1;
      const previousEnd = current.ends[last];
      if (previousEnd !== undefined && hasLineBreak(text, previousEnd, token.start)) flush();
      const lastWord = current.words[current.words.length - 1];
      const glued = previousEnd === token.start && lastWord !== undefined;
      if (glued && joinsWord(lastWord, value)) {
        const i = current.words.length - 1;
        current.words[i] = lastWord + value;
        current.ends[i] = token.end;
        continue;
      }
      current.words.push(value);
      current.starts.push(token.start);
      current.ends.push(token.end);
    }
    flush();
  }
  return out;
}

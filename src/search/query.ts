import { indexSegmenter, type Segmenter, type Token } from "../segment/index.js";
import type { AnyClause, Clause, ParsedQuery, QueryWord } from "../core/query-tree.js";
import { foldedTerm, surfaceKey, tokenTerm } from "./index-terms.js";

/** Longer input is cut: nobody types more, and every clause costs an index lookup. */
export const MAX_QUERY_CHARS = 10_000;
export const MAX_CLAUSES = 32;
/** A shorter prefix ("a*") matches most of the index and costs seconds: it is searched as a word. */
export const MIN_PREFIX = 3;

interface Chunk {
  start: number;
  end: number;
  phrase: boolean;
  negated: boolean;
  prefix: boolean;
  operator?: "OR" | "AND";
}

/**
 * The query language, parsed into the tree of core/query-tree.ts:
 *
 * - `death train`       every word must match (a word matches its lemma, its spelling, or its
 *                       transliteration key: Kassem finds Qasim); stop words are dropped unless
 *                       the query has nothing else;
 * - `"death train"`     the words in this order, exactly (no transliteration, stop words kept);
 * - `execut*`           words starting with "execut" (at least 3 letters; `ab*` is the word "ab");
 * - `-Baath`            no passage containing this word (or `-"quoted phrase"`);
 * - `Qasim OR Arif`     either word.
 * Anything else (brackets, colons, NEAR, ^, stray quotes) is just text.
 *
 * `segmenter` is the index's, maybe with its lemmas read from a table (search/vocabulary.ts).
 */
export function parseQuery(input: string, segmenter: Segmenter = indexSegmenter): ParsedQuery {
  const text = cut(input);
  const tokens = segmentQuery(segmenter, ...segmentedTexts(text));
  const clauses: Clause[] = [];
  const excluded: Clause[] = [];
  let t = 0;
  let joinWithPrevious = false;
  for (const chunk of chunks(text)) {
    if (chunk.operator === "OR") joinWithPrevious = clauses.length > 0;
    if (chunk.operator) continue;
    while (t < tokens.length && tokens[t]!.start < chunk.start) t++;
    const from = t;
    while (t < tokens.length && tokens[t]!.start < chunk.end) t++;
    const clause = toClause(text, tokens.slice(from, t), chunk);
    if (!clause) continue;
    if (chunk.negated) excluded.push(clause);
    else if (joinWithPrevious) clauses.push(anyOf(clauses.pop()!, clause));
    else clauses.push(clause);
    joinWithPrevious = false;
  }
  return { clauses: limit(dropStopWords(unique(clauses))), excluded: limit(unique(excluded)) };
}

/** Splits the input at whitespace and quotes; a quote without its closing quote runs to the end. */
function* chunks(text: string): Generator<Chunk> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return;
    let negated = false;
    if (text[i] === "-" && i + 1 < n && !isSpace(text.charCodeAt(i + 1))) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      yield { start: i + 1, end, phrase: true, negated, prefix: false };
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < n && !isSpace(text.charCodeAt(end)) && text[end] !== '"') end++;
    const word = text.slice(i, end);
    if ((word === "OR" && !negated) || word === "AND") {
      yield { start: i, end, phrase: false, negated, prefix: false, operator: word };
    } else {
      let stem = end;
      while (stem > i && text[stem - 1] === "*") stem--;
      yield { start: i, end: stem, phrase: false, negated, prefix: stem < end };
    }
    i = end;
  }
}

function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a)
  );
}

function cut(input: string): string {
  return input.length > MAX_QUERY_CHARS ? input.slice(0, MAX_QUERY_CHARS) : input;
}

/** The texts `parseQuery` segments, so that their words' lemmas can be fetched first. */
export function queryTexts(input: string): [text: string, lower: string] {
  return segmentedTexts(cut(input));
}

/**
 * The query with its operators blanked (same offsets: their tokens are dropped, so they need no
 * lemma), and that in lower case.
 */
function segmentedTexts(text: string): [text: string, lower: string] {
  let segmented = text;
  for (const chunk of chunks(text)) {
    if (chunk.operator) {
      segmented = segmented.slice(0, chunk.start) + " ".repeat(chunk.end - chunk.start) + segmented.slice(chunk.end);
    }
  }
  return [segmented, segmented.toLowerCase()];
}

/** Query tokens, each with the lemma its lower-cased form gets (same offsets when lower-casing keeps lengths). */
function segmentQuery(segmenter: Segmenter, text: string, lower: string): (Token & { lowerLemma: string })[] {
  if (text.trim().length === 0) return [];
  const span = { start: 0, end: text.length };
  const tokens = segmenter.segmentSpan(text, span).tokens;
  const lowerTokens = lower.length === text.length && lower !== text ? segmenter.segmentSpan(lower, span).tokens : [];
  let j = 0;
  return tokens.map((token) => {
    while (j < lowerTokens.length && lowerTokens[j]!.start < token.start) j++;
    const twin = lowerTokens[j];
    const same = twin !== undefined && twin.start === token.start && twin.end === token.end;
    return { ...token, lowerLemma: same ? twin.lemma : token.lemma };
  });
}

function toClause(text: string, tokens: (Token & { lowerLemma: string })[], chunk: Chunk): Clause | undefined {
  const words: QueryWord[] = [];
  for (const token of tokens) {
    const term = tokenTerm(token);
    if (term.length === 0) continue;
    const spelling = text.slice(token.start, token.end);
    words.push({
      term,
      lowerTerm: foldedTerm(token.lowerLemma) || term,
      surface: foldedTerm(spelling) || term,
      key: surfaceKey(spelling, token),
      stop: token.stop,
    });
  }
  if (words.length === 0) return undefined;
  if (chunk.phrase) return { kind: "phrase", words };
  return { kind: "words", words, prefix: chunk.prefix && words[words.length - 1]!.surface.length >= MIN_PREFIX };
}

function anyOf(a: Clause, b: Clause): AnyClause {
  return { kind: "any", clauses: [...(a.kind === "any" ? a.clauses : [a]), b] };
}

function isStopOnly(clause: Clause): boolean {
  if (clause.kind === "words") return !clause.prefix && clause.words.every((w) => w.stop);
  if (clause.kind === "any") return clause.clauses.every(isStopOnly);
  return false;
}

function dropStopWords(clauses: Clause[]): Clause[] {
  const kept = clauses
    .map((c): Clause | undefined => {
      if (c.kind !== "any") return isStopOnly(c) ? undefined : c;
      const members = c.clauses.filter((m) => !isStopOnly(m));
      if (members.length === 0) return undefined;
      return members.length === 1 ? members[0]! : { kind: "any", clauses: members };
    })
    .filter((c): c is Clause => c !== undefined);
  return kept.length > 0 ? kept : clauses;
}

function unique(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const signature = JSON.stringify(c);
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

function limit(clauses: Clause[]): Clause[] {
  return clauses.length > MAX_CLAUSES ? clauses.slice(0, MAX_CLAUSES) : clauses;
}

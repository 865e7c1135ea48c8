import { indexSegmenter, type Segmenter } from "../segment/index.js";
import { ftsWords, surfaceKey, tokenTerm } from "./index-terms.js";
import { termVariants, type Clause, type ParsedQuery } from "../core/query-tree.js";

/**
 * A run of index words the query looks for, mirroring one alternative of the compiled full-text
 * query: words in column `terms` (or `keys`), consecutive, the last one maybe a prefix.
 */
interface Sequence {
  column: "terms" | "keys";
  words: string[];
  prefix: boolean;
}

/** One index word of a passage and the characters of the token it came from. */
interface IndexWord {
  word: string;
  start: number;
  end: number;
}

export type Highlighter = Sequence[];

export function highlighterFor(query: ParsedQuery): Highlighter {
  const sequences: Sequence[] = [];
  const add = (column: Sequence["column"], terms: string[], prefix = false) => {
    const words = terms.flatMap(ftsWords);
    if (words.length > 0) sequences.push({ column, words, prefix });
  };
  const visit = (clause: Clause): void => {
    if (clause.kind === "any") clause.clauses.forEach(visit);
    else if (clause.kind === "words" && clause.prefix)
      add(
        "terms",
        clause.words.map((w) => w.surface),
        true,
      );
    else {
      for (const variant of termVariants(clause.words)) add("terms", variant);
      if (clause.kind === "words")
        add(
          "keys",
          clause.words.map((w) => w.key).filter((k) => k.length > 0),
        );
    }
  };
  query.clauses.forEach(visit);
  return sequences;
}

/**
 * Offsets [start, end) in `text` of the tokens the query matched, in order, without overlaps.
 * `segmenter` is the index's, maybe with its lemmas read from a table (search/vocabulary.ts).
 */
export function highlightRanges(
  text: string,
  highlighter: Highlighter,
  segmenter: Segmenter = indexSegmenter,
): [number, number][] {
  if (text.length === 0 || highlighter.length === 0) return [];
  const terms: IndexWord[] = [];
  const keys: IndexWord[] = [];
  for (const token of segmenter.segmentSpan(text, { start: 0, end: text.length }).tokens) {
    const term = tokenTerm(token);
    if (term.length === 0) continue;
    for (const word of ftsWords(term)) terms.push({ word, start: token.start, end: token.end });
    const key = surfaceKey(text.slice(token.start, token.end), token);
    if (key.length > 0) keys.push({ word: key, start: token.start, end: token.end });
  }
  const marked = new Map<number, number>();
  for (const sequence of highlighter) {
    const words = sequence.column === "terms" ? terms : keys;
    for (let i = 0; i + sequence.words.length <= words.length; i++) {
      if (!matchesAt(words, i, sequence)) continue;
      for (let k = 0; k < sequence.words.length; k++) marked.set(words[i + k]!.start, words[i + k]!.end);
    }
  }
  return [...marked].sort((a, b) => a[0] - b[0]);
}

function matchesAt(words: IndexWord[], at: number, sequence: Sequence): boolean {
  const last = sequence.words.length - 1;
  for (let k = 0; k <= last; k++) {
    const word = words[at + k]!.word;
    const wanted = sequence.words[k]!;
    if (k === last && sequence.prefix ? !word.startsWith(wanted) : word !== wanted) return false;
  }
  return true;
}

import { indexLexiconWords, type LexicalEntry, type Lexicon } from "../segment/index.js";
import { lexicalEntry } from "../segment/lexicon.js";

/**
 * A knowledge base's lexicon: every word its passages were segmented with and the lower-cased form of
 * each (what a query typed with capitals also looks up), with the lemma and stop flag wink-nlp gives
 * it. Written at ingest beside the passages and read at search, so that parsing a query and
 * highlighting its hits load wink-nlp (a tenth of a second) only for words the index never saw.
 * wink-nlp gives a word the same entry wherever and whenever it is asked (segment/lexicon.ts), so an
 * entry read back is the one it would give.
 */
export interface VocabularyEntry extends LexicalEntry {
  word: string;
}

/** What a backend provides: the stored entries of those of `words` it holds. */
export interface LexiconTable {
  lexicalEntries(words: readonly string[]): Map<string, LexicalEntry>;
}

/** A lexicon for segmenting `texts`: their words answered from the table, by wink-nlp when the table lacks them. */
export function storedLexicon(table: LexiconTable, texts: readonly string[]): Lexicon {
  const words = new Set<string>();
  for (const text of texts) for (const word of indexLexiconWords(text)) words.add(word);
  const known = words.size === 0 ? new Map<string, LexicalEntry>() : table.lexicalEntries([...words]);
  return (word) => known.get(word) ?? lexicalEntry(word);
}

/** wink-nlp's lexicon, noting in `words` every word looked up (what `vocabularyOf` then stores). */
export function recordingLexicon(words: Set<string>): Lexicon {
  return (word) => {
    words.add(word);
    return lexicalEntry(word);
  };
}

/**
 * The entries to store for the words a document was segmented with: theirs and those of the words of
 * their lower-cased forms, sorted (concurrent writers then take the same rows in the same order).
 */
export function vocabularyOf(words: Iterable<string>): VocabularyEntry[] {
  const all = new Set<string>();
  for (const word of words) {
    all.add(word);
    const lower = word.toLowerCase();
    if (lower !== word) for (const part of indexLexiconWords(lower)) all.add(part);
  }
  return [...all].sort().map((word) => ({ word, ...lexicalEntry(word) }));
}

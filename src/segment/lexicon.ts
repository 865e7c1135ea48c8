import { nlp } from "./wink.js";

export interface LexicalEntry {
  lemma: string;
  stop: boolean;
}

/** A word's lemma and stop flag: `lexicalEntry`, or a table of its results. */
export type Lexicon = (word: string) => LexicalEntry;

/** Distinct words remembered; past this the memory starts again (a corpus's vocabulary is far larger than its hot part). */
const MEMORY_LIMIT = 300_000;
const memory = new Map<string, LexicalEntry>();

/**
 * wink-nlp's lemma and stop-word flag for one word. Without a part-of-speech tagger in the pipe,
 * wink-nlp gives a word the same lemma wherever it stands, so one look-up per distinct word serves
 * every occurrence.
 */
export function lexicalEntry(word: string): LexicalEntry {
  let entry = memory.get(word);
  if (entry !== undefined) return entry;
  const wink = nlp();
  const its = wink.its;
  const tokens = wink.readDoc(word).tokens();
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  entry =
    lemmas.length === 1
      ? { lemma: lemmas[0]!.toLowerCase(), stop: stops[0] === true }
      : { lemma: word.toLowerCase(), stop: false };
  if (memory.size >= MEMORY_LIMIT) memory.clear();
  memory.set(word, entry);
  return entry;
}

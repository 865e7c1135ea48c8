/**
 * A user query as search/query.ts parses it, in a form no backend owns: each store adapter compiles
 * it to its own full-text syntax, and nothing the user typed ever reaches that syntax unquoted.
 */
export interface ParsedQuery {
  /** All must match (the "all" pass); any may match (the "any" pass). */
  clauses: Clause[];
  /** None may match. */
  excluded: Clause[];
}

export type Clause = WordsClause | PhraseClause | AnyClause;

/** One word as typed; several words when the typed word splits ("al-Sa'di" → al, sa'di), matched in order. */
export interface WordsClause {
  kind: "words";
  words: QueryWord[];
  /** The last word is a prefix. */
  prefix: boolean;
}

/** Words that must match in this order, exactly: no transliteration, stop words kept. */
export interface PhraseClause {
  kind: "phrase";
  words: QueryWord[];
}

export interface AnyClause {
  kind: "any";
  clauses: Clause[];
}

export interface QueryWord {
  /** Folded lemma, as in the index column `terms`. */
  term: string;
  /** Lemma of the word in lower case: "Officers" typed capitalized is not lemmatized otherwise. */
  lowerTerm: string;
  /** Folded spelling as typed, tried too when the lemma differs (lemmas depend on context). */
  surface: string;
  /** Transliteration key as in column `keys`; "" for stop words and particles. */
  key: string;
  stop: boolean;
}

/** The distinct spellings of a run of words as the index may hold them: lemmas, lower-case lemmas, as typed. */
export function termVariants(words: readonly QueryWord[]): string[][] {
  const variants = [words.map((w) => w.term), words.map((w) => w.lowerTerm), words.map((w) => w.surface)];
  const seen = new Set<string>();
  return variants.filter((v) => {
    const signature = v.join(" ");
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

import { termVariants, type Clause, type ParsedQuery, type QueryWord } from "../../core/query-tree.js";

/** BM25 column weights: exact words (terms) count more than transliteration keys (keys). */
export const BM25 = "bm25(passages_fts, 5.0, 1.0)";
/** The same score with each phrase's passage count as the last argument (bm25-given.ts). */
export const BM25_GIVEN_COUNTS = "annals_bm25(passages_fts, 5.0, 1.0, ?)";

/**
 * Compiles a parsed query to an FTS5 MATCH expression. Every user-supplied string ends up inside
 * double quotes (with quotes doubled), so FTS5 operators in the input are only ever text.
 *
 * "all": every clause; "any": some clause. None of the excluded, always.
 */
export function toFts5Match(query: ParsedQuery, pass: "all" | "any"): string | undefined {
  const clauses = query.clauses.map(clauseMatch);
  if (clauses.length === 0) return undefined;
  const joined = clauses.join(pass === "all" ? " AND " : " OR ");
  let expression = clauses.length === 1 ? clauses[0]! : `(${joined})`;
  const excluded = query.excluded.map(exclusionMatch);
  if (excluded.length > 0) expression = `${expression} NOT (${excluded.join(" OR ")})`;
  return expression;
}

function clauseMatch(clause: Clause): string {
  switch (clause.kind) {
    case "phrase":
      return termsMatch(clause.words);
    case "any":
      return `(${clause.clauses.map(clauseMatch).join(" OR ")})`;
    case "words":
      return wordsMatch(clause.words, clause.prefix);
  }
}

/** The phrases of a clause's match expression, each a MATCH expression of its own: what BM25 weighs one by one. */
export function clausePhrases(clause: Clause): string[] {
  switch (clause.kind) {
    case "phrase":
      return termVariants(clause.words).map((variant) => `terms : ${quote(variant)}`);
    case "any":
      return clause.clauses.flatMap(clausePhrases);
    case "words":
      return clause.prefix ? [wordsMatch(clause.words, true)] : wordsPhrases(clause.words);
  }
}

/**
 * The phrases of `toFts5Match(query, pass)` in the order FTS5 numbers them, for either pass (each
 * clause once), those of the exclusions apart: no matching passage holds them.
 */
export function matchPhrases(query: ParsedQuery): { matched: string[]; excluded: string[] } {
  return { matched: query.clauses.flatMap(clausePhrases), excluded: query.excluded.flatMap(exclusionPhrases) };
}

function exclusionPhrases(clause: Clause): string[] {
  if (clause.kind === "words" && !clause.prefix) return clausePhrases({ kind: "phrase", words: clause.words });
  return clausePhrases(clause);
}

/** The phrase of one indexed token in one column, written as `clausePhrases` writes it. */
export function columnPhrase(column: "terms" | "keys", token: string): string {
  return `${column} : ${quote([token])}`;
}

/** Excluding by transliteration key would drop too much: exclusions match lemmas and spellings only. */
function exclusionMatch(clause: Clause): string {
  if (clause.kind === "words" && !clause.prefix) return termsMatch(clause.words);
  return clauseMatch(clause);
}

function wordsMatch(words: QueryWord[], prefix: boolean): string {
  if (prefix) return `terms : ${quote(words.map((w) => w.surface))} *`;
  return either(wordsPhrases(words));
}

function wordsPhrases(words: QueryWord[]): string[] {
  const alternatives = termVariants(words).map((variant) => `terms : ${quote(variant)}`);
  const keys = words.map((w) => w.key).filter((k) => k.length > 0);
  if (keys.length > 0) alternatives.push(`keys : ${quote(keys)}`);
  return alternatives;
}

function termsMatch(words: QueryWord[]): string {
  return either(clausePhrases({ kind: "phrase", words }));
}

function either(alternatives: string[]): string {
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" OR ")})`;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** FTS5 reads its query as a C string: a NUL would end it mid-quote. Control characters separate words anyway. */
function quote(words: readonly string[]): string {
  const text = words.join(" ").replace(CONTROL_CHARACTERS, " ");
  return `"${text.replaceAll('"', '""')}"`;
}

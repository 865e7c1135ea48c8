import { ftsWords } from "../../search/index-terms.js";
import { termVariants, type Clause, type ParsedQuery, type QueryWord } from "../../core/query-tree.js";

/**
 * Compiles a parsed query to the text of a `to_tsquery('simple', …)` expression, clause for clause as
 * toFts5Match does for SQLite. Every lexeme is single-quoted with quotes and backslashes escaped, so
 * tsquery operators in the input are only ever text. Weight A is the passage's `terms`, B its `keys`.
 *
 * "all": every clause; "any": some clause; "rest": some clause but not all of them. None of the
 * excluded, always.
 */
export function toTsquery(query: ParsedQuery, pass: "all" | "any" | "rest"): string | undefined {
  const clauses = query.clauses.map(clauseQuery).filter((c) => c !== undefined);
  if (clauses.length === 0) return undefined;
  if (pass === "rest" && clauses.length === 1) return undefined;
  const all = clauses.length === 1 ? clauses[0]! : `(${clauses.join(" & ")})`;
  const any = clauses.length === 1 ? clauses[0]! : `(${clauses.join(" | ")})`;
  let expression = pass === "all" ? all : pass === "any" ? any : `${any} & !${all}`;
  const excluded = query.excluded.map(exclusionQuery).filter((c) => c !== undefined);
  if (excluded.length > 0) expression = `${expression} & !(${excluded.join(" | ")})`;
  return expression;
}

/** The index strings as the tsvector gets them: split into the words FTS5 would make of them. */
export function indexWords(text: string): string {
  return ftsWords(text).join(" ");
}

function clauseQuery(clause: Clause): string | undefined {
  switch (clause.kind) {
    case "phrase":
      return termsQuery(clause.words);
    case "any":
      return either(clause.clauses.map(clauseQuery).filter((c) => c !== undefined));
    case "words":
      return wordsQuery(clause.words, clause.prefix);
  }
}

/** Excluding by transliteration key would drop too much: exclusions match lemmas and spellings only. */
function exclusionQuery(clause: Clause): string | undefined {
  if (clause.kind === "words" && !clause.prefix) return termsQuery(clause.words);
  return clauseQuery(clause);
}

function wordsQuery(words: QueryWord[], prefix: boolean): string | undefined {
  if (prefix)
    return phrase(
      words.map((w) => w.surface),
      "A",
      true,
    );
  const alternatives = termVariants(words).map((variant) => phrase(variant, "A", false));
  const keys = words.map((w) => w.key).filter((k) => k.length > 0);
  if (keys.length > 0) alternatives.push(phrase(keys, "B", false));
  return either(alternatives.filter((a) => a !== undefined));
}

function termsQuery(words: QueryWord[]): string | undefined {
  return either(
    termVariants(words)
      .map((variant) => phrase(variant, "A", false))
      .filter((a) => a !== undefined),
  );
}

function either(alternatives: string[]): string | undefined {
  if (alternatives.length === 0) return undefined;
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" | ")})`;
}

/** Words in this order (`<->`), each restricted to one weight; with `prefix`, the last word is a prefix. */
function phrase(words: readonly string[], weight: "A" | "B", prefix: boolean): string | undefined {
  const lexemes = ftsWords(words.join(" "));
  if (lexemes.length === 0) return undefined;
  const last = lexemes.length - 1;
  const parts = lexemes.map((lexeme, i) => `${quote(lexeme)}:${i === last && prefix ? "*" : ""}${weight}`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" <-> ")})`;
}

function quote(lexeme: string): string {
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

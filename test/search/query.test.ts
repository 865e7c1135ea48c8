import { describe, expect, it } from "vitest";
import type { Clause } from "../../src/core/query-tree.js";
import { MAX_CLAUSES, parseQuery, queryTexts } from "../../src/search/query.js";

/** A compact rendering of a clause: words as term/key, phrases in quotes, prefixes with *. */
function show(clause: Clause): string {
  if (clause.kind === "phrase") return `"${clause.words.map((w) => w.term).join(" ")}"`;
  if (clause.kind === "any") return `(${clause.clauses.map(show).join(" | ")})`;
  return clause.words.map((w) => `${w.term}/${w.key}`).join("+") + (clause.prefix ? "*" : "");
}

const parsed = (input: string) => {
  const query = parseQuery(input);
  return { clauses: query.clauses.map(show), excluded: query.excluded.map(show) };
};

describe("parseQuery", () => {
  it("makes one clause per word, with folded lemma and transliteration key", () => {
    expect(parsed("Officers Kassem")).toEqual({ clauses: ["officers/afkrs", "kassem/ksm"], excluded: [] });
  });

  it("drops stop words unless the query has nothing else", () => {
    expect(parsed("officers were executed").clauses).toEqual(["officer/afkrs", "executed/axktd"]);
    expect(parsed("the were").clauses).toEqual(["the/", "be/"]);
  });

  it("keeps the parts of a hyphenated or apostrophized word together, particles without key", () => {
    expect(parsed("al-Sa'di ar-Rashid Ba'ath").clauses).toEqual(["al/+sadi/sd", "ar/+rashid/rshd", "baath/bth"]);
  });

  it("reads quoted phrases, keeping their stop words", () => {
    expect(parsed('"Freedom of Fatherland" party').clauses).toEqual(['"freedom of fatherland"', "party/prt"]);
  });

  it("runs an unbalanced quote to the end of the input", () => {
    expect(parsed('"death train').clauses).toEqual(['"death train"']);
  });

  it("reads prefixes and exclusions", () => {
    expect(parsed('execut* -Baath -"National Guard"')).toEqual({
      clauses: ["execut/axkt*"],
      excluded: ["baath/bth", '"national guard"'],
    });
  });

  it("searches a prefix shorter than three letters as a word", () => {
    expect(parsed("ab* al-S*").clauses).toEqual(["ab/ab", "al/+s/s"]);
  });

  it("groups words joined by OR; AND is implied", () => {
    expect(parsed("Qasim OR Kassem AND Arif").clauses).toEqual(["(qasim/ksm | kassem/ksm)", "arif/arf"]);
    expect(parsed("OR Qasim OR").clauses).toEqual(["qasim/ksm"]);
  });

  it("treats every other operator-looking input as text", () => {
    expect(parsed("NEAR(a b) col:val ^x (").clauses).toEqual(["near/nr+a/", "b/b", "col/kl+val/vl", "x/x"]);
    expect(parsed("* : ( ) ^ -").clauses).toEqual([]);
  });

  it("gives no clause for blank, punctuation or emoji input", () => {
    for (const input of ["", "   ", "...", "🙂🙂", "—", '""', "-"]) expect(parsed(input).clauses).toEqual([]);
  });

  it("caps the number of clauses", () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}x`).join(" ");
    expect(parseQuery(words).clauses.length).toBe(MAX_CLAUSES);
  });

  it("keeps each distinct clause once", () => {
    expect(parsed("Qasim qasim QASIM").clauses).toEqual(["qasim/ksm"]);
  });
});

describe("query words", () => {
  it("carry the lemma of the lower-cased word too, for capitalized input", () => {
    const clause = parseQuery("Officers").clauses[0];
    expect(clause?.kind === "words" ? clause.words[0]?.lowerTerm : undefined).toBe("officer");
  });
});

describe("queryTexts", () => {
  it("blanks the operators, whose tokens the parse drops, keeping every offset; OR in a phrase or negated stays", () => {
    const [text, lower] = queryTexts('Qasim OR Arif AND "Ba\'ath OR Nasser" -OR');
    expect(text).toBe('Qasim    Arif     "Ba\'ath OR Nasser" -OR');
    expect(lower).toBe(text.toLowerCase());
  });
});

import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery } from "../../src/search/query.js";
import { toFts5Match } from "../../src/store/sqlite/fts5-match.js";

const match = (input: string, pass: "all" | "any" = "all") => toFts5Match(parseQuery(input), pass);

describe("toFts5Match", () => {
  it("matches a word by lemma, spelling or transliteration key", () => {
    expect(match("officers")).toBe('(terms : "officer" OR terms : "officers" OR keys : "afkrs")');
    expect(match("Kassem")).toBe('(terms : "kassem" OR keys : "ksm")');
  });

  it("ANDs clauses and ORs them for the any pass", () => {
    expect(match("Kassem Arif")).toBe('((terms : "kassem" OR keys : "ksm") AND (terms : "arif" OR keys : "arf"))');
    expect(match("Kassem Arif", "any")).toBe(
      '((terms : "kassem" OR keys : "ksm") OR (terms : "arif" OR keys : "arf"))',
    );
  });

  it("matches phrases, prefixes and split words as FTS5 phrases", () => {
    expect(match('"death train"')).toBe('terms : "death train"');
    expect(match("execut*")).toBe('terms : "execut" *');
    expect(match("al-Sa'di")).toBe('(terms : "al sadi" OR keys : "sd")');
  });

  it("excludes by lemma and spelling only", () => {
    expect(match("Qasim -Arif")).toBe('(terms : "qasim" OR keys : "ksm") NOT (terms : "arif")');
  });

  it("quotes whatever the user typed", () => {
    for (const input of ["NEAR(a b)", "col:val", "a AND b OR NOT c", '"x" * ^y', "{terms}:x", 'a""b']) {
      const expression = match(input);
      expect(expression).toBeDefined();
      // Outside quotes only the operators and columns this module writes may appear.
      const outside = expression!.replace(/"(?:[^"]|"")*"/g, "").replace(/\b(terms|keys|AND|OR|NOT)\b|[():*\s]/g, "");
      expect(outside).toBe("");
    }
  });

  it("has nothing to match for a query without words", () => {
    expect(match("")).toBeUndefined();
    expect(match("-alone")).toBeUndefined();
  });
});

describe("toFts5Match on arbitrary input (property)", () => {
  it("always gives an expression FTS5 accepts", () => {
    const db = new Database(":memory:");
    db.exec("CREATE VIRTUAL TABLE t USING fts5(terms, keys, content = '', tokenize = 'unicode61 remove_diacritics 2')");
    const run = db.prepare("SELECT rowid FROM t WHERE t MATCH ?");
    const input = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc
        .array(fc.constantFrom('"', "-", "*", "(", ")", ":", "^", " ", "OR", "NOT", "NEAR", "\u0000", "a", "Qasim"), {
          maxLength: 10,
        })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(input, fc.constantFrom("all", "any"), (query, pass: "all" | "any") => {
        const expression = toFts5Match(parseQuery(query), pass);
        if (expression !== undefined) run.all(expression);
      }),
      { numRuns: 1500 },
    );
    db.close();
  });
});

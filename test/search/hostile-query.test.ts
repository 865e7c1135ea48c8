import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { SearchResult } from "../../src/search/types.js";
import { backends } from "../store/backends.js";
import { seedStore } from "./seed-store.js";

const HOSTILE = [
  "ar-Rashid",
  "Ba'ath",
  "al-Sa'di",
  '"death train',
  'death train"',
  '"',
  '""',
  "(",
  ")",
  "NEAR",
  "NEAR(a b)",
  "NEAR(death train, 2)",
  "*",
  "**",
  "a*",
  "AND",
  "OR",
  "NOT",
  "death AND NOT train",
  "^",
  "^death",
  ":",
  "col:val",
  "terms:death",
  "{terms keys}:death",
  "-",
  "--",
  "-death",
  "- -death",
  "",
  " ",
  "\t\n",
  "...",
  "?!;,",
  "🙂",
  "death🙂train",
  "\u0000",
  "\u0000Ā",
  "Qa\u0000sim",
  "\uFFFD",
  "\uD800",
  "Qāsim",
  "قاسم",
  "x".repeat(100),
  "death train ".repeat(900),
  "'".repeat(50),
  "% _ \\ ' ; DROP TABLE passages; --",
];

function assertResult(result: SearchResult): void {
  expect(Array.isArray(result.hits)).toBe(true);
  for (const hit of result.hits) {
    expect(typeof hit.snippet).toBe("string");
    expect(Number.isFinite(hit.score)).toBe(true);
  }
}

describe.each(backends)("$name hostile queries", (backend) => {
  const store = seedStore(backend);
  afterAll(() => store.close());

  for (const input of HOSTILE) {
    it(`searches ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…(${input.length})` : input)} without raising`, () => {
      assertResult(store.search(input, { limit: 5 }));
    });
  }

  it("gives an empty result for a query with nothing to search", () => {
    for (const input of ["", "   ", "...", "🙂", "-death"]) expect(store.search(input).hits).toEqual([]);
  });

  it("never throws on arbitrary strings (property)", () => {
    const pieces = fc.constantFrom(
      '"',
      "-",
      "*",
      "(",
      ")",
      ":",
      "^",
      " ",
      "OR",
      "AND",
      "NOT",
      "NEAR",
      "'",
      "al-",
      "Qasim",
      "death",
      "train",
    );
    const input = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(" ")),
    );
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 40 }), (query, limit, offset) => {
        assertResult(store.search(query, { limit, offset }));
      }),
      { numRuns: 400 },
    );
  });
});

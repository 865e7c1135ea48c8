import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backends } from "../store/backends.js";
import { SEEDS_DIR } from "../store/make-document.js";
import { distinctDocuments, seedStore } from "./seed-store.js";

interface SearchExpectation {
  query: string;
  expect_first?: string[];
  expect_all?: string[];
}

const expected = JSON.parse(readFileSync(join(SEEDS_DIR, "expected.json"), "utf8")) as { search: SearchExpectation[] };

describe.each(backends)("$name search on the seed documents (expected.json)", (backend) => {
  const store = seedStore(backend);
  afterAll(() => store.close());

  it("has search expectations to check", () => {
    expect(expected.search.length).toBeGreaterThanOrEqual(7);
  });

  // The CLI's default page size: every expectation must hold on the first page a user sees.
  const limit = 10;
  for (const entry of expected.search) {
    if (entry.expect_first) {
      const first = entry.expect_first;
      it(`"${entry.query}" ranks ${first.join(", ")} first, in that order`, () => {
        const documents = distinctDocuments(store.search(entry.query, { limit }).hits);
        expect(documents.slice(0, first.length)).toEqual(first);
      });
    }
    if (entry.expect_all) {
      const all = entry.expect_all;
      it(`"${entry.query}" finds ${all.join(", ")}`, () => {
        const documents = distinctDocuments(store.search(entry.query, { limit }).hits);
        for (const id of all) expect(documents).toContain(id);
      });
    }
  }

  it("marks the words that matched, including other spellings", () => {
    const hit = store.search("Kassem", { documentIds: ["003"] }).hits[0]!;
    expect(hit.snippet).toContain("<mark>Qasim</mark>");
    const [start, end] = hit.highlights[0]!;
    expect(hit.text.slice(start, end)).toBe("Qasim");
  });

  it("finds the lemmatized copy with ordinary words", () => {
    const documents = distinctDocuments(store.search("officers", { limit: 50 }).hits);
    expect(documents).toContain("000");
  });
});

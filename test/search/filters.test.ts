import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { openStore } from "../../src/store/index.js";
import { makeDocument, makeRecord, seedDocuments } from "../store/make-document.js";
import { backends } from "../store/backends.js";
import { distinctDocuments, seedStore } from "./seed-store.js";

describe.each(backends)("$name search filters", (backend) => {
  const store = seedStore(backend);
  afterAll(() => store.close());
  const documents = (query: string, options: Parameters<typeof store.search>[1]) =>
    distinctDocuments(store.search(query, { limit: 50, ...options }).hits).sort();

  it("restricts to documents by id", () => {
    expect(documents("Qasim", { documentIds: ["001", "003"] })).toEqual(["001", "003"]);
    expect(documents("Qasim", { documentIds: [] })).toEqual([]);
  });

  it("restricts to documents by kind", () => {
    expect(documents("Qasim", { kinds: ["encyclopedia"] })).toEqual(["001", "003"]);
    expect(documents("Qasim", { kinds: ["derived", "primary"] })).toEqual(["000", "002"]);
  });

  it("restricts to documents whose own date overlaps the range, leaving out undated ones", () => {
    expect(documents("Qasim", { dateFrom: "1958" })).toEqual(["002"]);
    expect(documents("Qasim", { dateFrom: "1958-12-18", dateTo: "1958-12-18" })).toEqual(["002"]);
    expect(documents("Qasim", { dateTo: "1958-12" })).toEqual(["002"]);
    expect(documents("Qasim", { dateFrom: "1959" })).toEqual([]);
    expect(documents("Qasim", { dateTo: "1958-11" })).toEqual([]);
  });

  it("restricts to a section by title, ignoring case", () => {
    const hits = store.search("revolt", { section: "the REVOLT", limit: 50 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.section).toBe("The revolt");
  });

  it("combines filters", () => {
    expect(documents("Qasim", { kinds: ["encyclopedia"], documentIds: ["000", "003"] })).toEqual(["003"]);
  });

  it("rejects malformed options with a UsageError", () => {
    expect(() => store.search("Qasim", { dateFrom: "July 1958" })).toThrow(UsageError);
    expect(() => store.search("Qasim", { dateTo: "1958-13" })).toThrow(UsageError);
    expect(() => store.search("Qasim", { limit: 0 })).toThrow(UsageError);
    expect(() => store.search("Qasim", { offset: -1 })).toThrow(UsageError);
    expect(() => store.search("Qasim", { limit: 1.5 })).toThrow(UsageError);
  });
});

describe("search ranking and pages", () => {
  const store = seedStore();
  afterAll(() => store.close());

  it("pages through the results without overlap or gaps", () => {
    for (const query of ["Qasim", "death train", "officers were executed", "party"]) {
      const all = store.search(query, { limit: 60 }).hits.map((h) => `${h.document.id}:${h.start}`);
      const paged: string[] = [];
      for (let offset = 0; offset < all.length; offset += 7) {
        paged.push(...store.search(query, { limit: 7, offset }).hits.map((h) => `${h.document.id}:${h.start}`));
      }
      expect(paged).toEqual(all);
    }
  });

  it("puts passages matching every word before those matching some", () => {
    const hits = store.search("death train", { limit: 20 }).hits;
    const both = hits.map((h) => /death/i.test(h.text) && /train/i.test(h.text));
    const firstPartial = both.indexOf(false);
    expect(firstPartial).toBeGreaterThan(0);
    expect(both.slice(firstPartial).every((b) => !b)).toBe(true);
  });

  it("counts the matching passages when asked", () => {
    const result = store.search("Qasim", { limit: 2, countTotal: true });
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBeGreaterThan(10);
    expect(store.search("Qasim", { limit: 2 }).total).toBeUndefined();
  });

  it("stops counting at countAtMost and says the total is a lower bound", () => {
    for (const options of [{}, { kinds: ["encyclopedia" as const] }, { dateTo: "1990" }]) {
      const exact = store.search("Qasim", { ...options, countTotal: true, countAtMost: 100_000 });
      expect(exact.total).toBeGreaterThan(3);
      expect(exact.totalIsLowerBound).toBeUndefined();
      const capped = store.search("Qasim", { ...options, limit: 2, countTotal: true, countAtMost: 3 });
      expect(capped).toMatchObject({ total: 3, totalIsLowerBound: true });
      expect(capped.hits).toHaveLength(2);
      const atTotal = store.search("Qasim", { ...options, countTotal: true, countAtMost: exact.total! });
      expect(atTotal.total).toBe(exact.total);
      expect(atTotal.totalIsLowerBound).toBeUndefined();
    }
  });

  it("ranks a copy recorded as derived after the document it was derived from", () => {
    const plain = openStore(":memory:");
    for (const doc of seedDocuments()) {
      const bare = makeDocument(doc.id, doc.text);
      plain.replaceFile({ path: doc.path, contentHash: doc.id, size: 0, mtimeMs: 0 }, [makeRecord(bare)]);
    }
    plain.setDocumentRelations([{ documentId: "000", relatedId: "001", relation: "derived-from", similarity: 0.6 }]);
    expect(distinctDocuments(plain.search("death train").hits).slice(0, 2)).toEqual(["001", "000"]);
    plain.close();
  });

  it("reports hit offsets and highlights consistently", () => {
    const doc = seedDocuments().find((d) => d.id === "003")!;
    for (const hit of store.search("al-Sadi exile Madrid").hits) {
      if (hit.document.id !== "003") continue;
      expect(doc.text.slice(hit.start, hit.end)).toBe(hit.text);
      for (const [s, e] of hit.highlights) expect(e).toBeGreaterThan(s);
      const [ws, we] = hit.window;
      expect(ws).toBeGreaterThanOrEqual(0);
      expect(we).toBeLessThanOrEqual(hit.text.length);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { OffsetMap } from "../../src/core/offset-map.js";
import { join } from "node:path";
import { openStore, type DocumentRecord, type FileRecord, type Store } from "../../src/store/index.js";
import { tempDir } from "../helpers/cli.js";
import { backends } from "./backends.js";
import { makeDocument, makeRecord } from "./make-document.js";

const file = (path: string, contentHash = `hash-${path}`): FileRecord => ({ path, contentHash, size: 10, mtimeMs: 1 });

describe.each(backends)("$name store: files and documents", (backend) => {
  let store: Store;
  beforeEach(() => {
    store = backend.open();
  });
  afterEach(() => store.close());

  it("keeps its change stamp while read and moves it with each write", () => {
    const before = store.changeStamp();
    store.search("revolution");
    store.listDocuments();
    expect(store.changeStamp()).toBe(before);
    store.replaceFile(file("a.txt"), [makeRecord(makeDocument("d1", "Qasim led the revolution."))]);
    const added = store.changeStamp();
    expect(added).not.toBe(before);
    store.removeFile("a.txt");
    expect(store.changeStamp()).not.toBe(added);
  });

  it("adds, then updates, a file and its documents", () => {
    const first = makeRecord(makeDocument("d1", "Qasim led the revolution of July 1958."));
    expect(store.replaceFile(file("a.txt"), [first])).toBe("added");
    expect(store.getFile("a.txt")).toEqual({ ...file("a.txt"), documentIds: ["d1"] });
    expect(store.search("revolution").hits.map((h) => h.document.id)).toEqual(["d1"]);

    const second = makeRecord(makeDocument("d2", "Arif read the proclamation on the radio."));
    expect(store.replaceFile(file("a.txt", "other"), [second])).toBe("updated");
    expect(store.getFile("a.txt")?.documentIds).toEqual(["d2"]);
    expect(store.getDocument("d1")).toBeUndefined();
    expect(store.search("revolution").hits).toEqual([]);
    expect(store.search("proclamation").hits.map((h) => h.document.id)).toEqual(["d2"]);
    expect(store.countDocuments()).toBe(1);
    expect(store.integrityCheck()).toEqual([]);
  });

  it("keeps several documents of one file in order", () => {
    const records = ["p1", "p2", "p3"].map((id) => makeRecord(makeDocument(id, `Part ${id} of the cable.`)));
    store.replaceFile(file("cables.xml"), records);
    expect(store.getFile("cables.xml")?.documentIds).toEqual(["p1", "p2", "p3"]);
    expect(store.listDocuments({ path: "cables.xml" }).map((d) => d.id)).toEqual(["p1", "p2", "p3"]);
  });

  it("returns a stored document whole", () => {
    const text = "== Coup ==\nOn Tuesday al-Sadi was flown to Madrid.";
    const document = makeDocument("full", text, {
      title: "November 1963",
      format: "encyclopedia",
      kind: "encyclopedia",
      metadata: { date: "1963-11", tags: ["coup"] },
      sections: [{ title: "Coup", level: 1, start: 0, end: text.length }],
      infobox: [{ key: "Date", start: 0, end: 4, values: [{ text: "13 November", start: 0, end: 4 }] }],
      markup: [{ type: "place", text: "Madrid", start: 44, end: 50 }],
      map: OffsetMap.fromRuns([{ textStart: 0, textLength: text.length, sourceStart: 7, sourceLength: text.length }]),
    });
    const dates = [
      {
        start: 14,
        end: 21,
        text: "Tuesday",
        value: "1963-11-12",
        earliest: "1963-11-12",
        latest: "1963-11-12",
        precision: "day" as const,
        extractor: "weekday-year",
        confidence: 0.9,
      },
    ];
    store.replaceFile(file("nov.wiki"), [makeRecord(document, { dates })]);
    const stored = store.getDocument("full")!;
    expect({ ...stored.document, map: stored.document.map.toJSON() }).toEqual({
      ...document,
      map: document.map.toJSON(),
    });
    expect(stored.document.map.toSource(3)).toBe(10);
    expect(stored.dates).toEqual(dates);
    expect(store.listDocuments()).toEqual([
      {
        id: "full",
        path: "full.txt",
        title: "November 1963",
        format: "encyclopedia",
        kind: "encyclopedia",
        date: "1963-11",
        passages: 1,
      },
    ]);
  });

  it("lists documents by id and kind", () => {
    store.replaceFile(file("a"), [makeRecord(makeDocument("a1", "One.", { kind: "primary" }))]);
    store.replaceFile(file("b"), [makeRecord(makeDocument("b1", "Two.", { kind: "derived" }))]);
    expect(store.listDocuments({ kinds: ["derived"] }).map((d) => d.id)).toEqual(["b1"]);
    expect(store.listDocuments({ ids: ["a1", "zz"] }).map((d) => d.id)).toEqual(["a1"]);
  });

  it("records a new size and mtime without touching documents", () => {
    store.replaceFile(file("a"), [makeRecord(makeDocument("a1", "One."))]);
    store.touchFile("a", 99, 1234.5);
    expect(store.getFile("a")).toEqual({
      path: "a",
      contentHash: "hash-a",
      size: 99,
      mtimeMs: 1234.5,
      documentIds: ["a1"],
    });
  });

  it("removes a file with everything derived from it", () => {
    store.replaceFile(file("a"), [
      makeRecord(makeDocument("a1", "Qasim spoke."), { signature: new Uint32Array([1, 2]) }),
    ]);
    store.replaceFile(file("b"), [makeRecord(makeDocument("b1", "Qassem spoke."))]);
    store.setDocumentRelations([{ documentId: "b1", relatedId: "a1", relation: "near-duplicate", similarity: 0.9 }]);
    expect(store.removeFile("a")).toBe(true);
    expect(store.removeFile("a")).toBe(false);
    expect(store.getFile("a")).toBeUndefined();
    expect(store.documentRelations()).toEqual([]);
    expect(store.signatures()).toEqual([]);
    expect(store.search("Qasim").hits.map((h) => h.document.id)).toEqual(["b1"]);
    expect(store.integrityCheck()).toEqual([]);
  });

  it("refuses a document already stored from another path, changing nothing", () => {
    store.replaceFile(file("a"), [makeRecord(makeDocument("same", "Copy one."))]);
    const attempt = () => store.replaceFile(file("b"), [makeRecord(makeDocument("same", "Copy one."))]);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/already stored from a/);
    expect(store.getFile("b")).toBeUndefined();
    expect(store.getFile("a")?.documentIds).toEqual(["same"]);
  });

  it("leaves the old state when replacing fails half way", () => {
    store.replaceFile(file("a"), [makeRecord(makeDocument("old", "The old text about Qasim."))]);
    const good = makeRecord(makeDocument("new1", "A new text about Arif."));
    const bad = {
      document: makeDocument("new2", "Never stored."),
      dates: [],
      get passages(): DocumentRecord["passages"] {
        throw new Error("disk on fire");
      },
    } as DocumentRecord;
    expect(() => store.replaceFile(file("a", "changed"), [good, bad])).toThrow("disk on fire");
    expect(store.getFile("a")).toEqual({ ...file("a"), documentIds: ["old"] });
    expect(store.getDocument("new1")).toBeUndefined();
    expect(store.search("Arif").hits).toEqual([]);
    expect(store.search("Qasim").hits.map((h) => h.document.id)).toEqual(["old"]);
    expect(store.integrityCheck()).toEqual([]);
  });

  it("keeps in its lexicon the words of a file stored after another file with them failed", () => {
    const withWords = (id: string, text: string) =>
      makeRecord(makeDocument(id, text), {
        vocabulary: [
          { word: "Zanzibarites", lemma: "zanzibarite", stop: false },
          { word: "the", lemma: "the", stop: true },
        ],
      });
    store.replaceFile(file("a"), [makeRecord(makeDocument("same", "Copy one."))]);
    const duplicate = makeRecord(makeDocument("same", "Copy one."));
    expect(() => store.replaceFile(file("b"), [withWords("first", "The Zanzibarites."), duplicate])).toThrow(
      InputError,
    );
    expect(store.lexicalEntries(["Zanzibarites"]).size).toBe(0);
    store.replaceFile(file("c"), [withWords("second", "The Zanzibarites again.")]);
    store.replaceFile(file("d"), [withWords("third", "The Zanzibarites once more.")]);
    expect(Object.fromEntries(store.lexicalEntries(["Zanzibarites", "the"]))).toEqual({
      Zanzibarites: { lemma: "zanzibarite", stop: false },
      the: { lemma: "the", stop: true },
    });
  });

  it("stores and replaces document relations", () => {
    for (const id of ["x", "y", "z"]) store.replaceFile(file(id), [makeRecord(makeDocument(id, `Text ${id}.`))]);
    store.setDocumentRelations([{ documentId: "x", relatedId: "y", relation: "derived-from", similarity: 0.8 }]);
    store.setDocumentRelations([
      { documentId: "z", relatedId: "y", relation: "near-duplicate", similarity: 0.5 },
      { documentId: "x", relatedId: "z", relation: "derived-from", similarity: 0.7 },
    ]);
    expect(store.documentRelations()).toEqual([
      { documentId: "x", relatedId: "z", relation: "derived-from", similarity: 0.7 },
      { documentId: "z", relatedId: "y", relation: "near-duplicate", similarity: 0.5 },
    ]);
  });

  it("stores MinHash signatures with what relation finding needs", () => {
    const signature = new Uint32Array([0, 1, 0xffffffff, 123456789]);
    store.replaceFile(file("a"), [
      makeRecord(makeDocument("a1", "One.", { kind: "primary", metadata: { date: "1958" } }), { signature }),
    ]);
    store.replaceFile(file("b"), [makeRecord(makeDocument("b1", "Two."))]);
    store.setDocumentSignature("b1", new Uint32Array([7]));
    expect(store.signatures()).toEqual([
      { id: "a1", kind: "primary", date: "1958", signature },
      { id: "b1", kind: "other", signature: new Uint32Array([7]) },
    ]);
    expect(() => store.setDocumentSignature("nope", signature)).toThrow(InputError);
  });

  it("describes its backend by capabilities", () => {
    const expected = {
      sqlite: {
        backend: "sqlite",
        fullText: "fts5",
        transactionalDdl: true,
        concurrentWriters: false,
        embedded: true,
        topMatches: true,
        rankingCountsGiven: true,
      },
      postgres: {
        backend: "postgres",
        fullText: "tsvector",
        transactionalDdl: true,
        concurrentWriters: true,
        embedded: false,
        topMatches: true,
        rankingCountsGiven: false,
      },
    };
    expect(store.capabilities).toEqual(expected[backend.name]);
  });
});

describe("a SQLite file's change stamp", () => {
  it("moves when another connection writes to the file", () => {
    const path = join(tempDir("annals-stamp-"), "kb.db");
    const reader = openStore(path);
    const writer = openStore(path);
    try {
      const before = reader.changeStamp();
      writer.replaceFile(file("a.txt"), [makeRecord(makeDocument("d1", "Arif read the proclamation."))]);
      expect(reader.changeStamp()).not.toBe(before);
    } finally {
      writer.close();
      reader.close();
    }
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Mention } from "../../src/annotate/mentions/types.js";
import { buildPassages } from "../../src/search/passages.js";
import { openStore, type FileRecord, type Store } from "../../src/store/index.js";
import { SyncPostgres } from "../../src/store/postgres/sync-client.js";
import { backends, postgresUrl, type Backend } from "./backends.js";
import { makeDocument, makeRecord } from "./make-document.js";

const file = (path: string): FileRecord => ({ path, contentHash: `hash-${path}`, size: 10, mtimeMs: 1 });
const PAGE_ONE = "Qasim spoke on the radio in the morning.";
const PAGE_TWO = "Arif read the statement from Baghdad.";
const TEXT = `${PAGE_ONE}\n\n${PAGE_TWO}`;
const TWO = TEXT.indexOf(PAGE_TWO);

function mention(text: string, name: string, extra: Partial<Mention> = {}): Mention {
  const start = TEXT.indexOf(text);
  const sentence = start < TWO ? { start: 0, end: PAGE_ONE.length } : { start: TWO, end: TEXT.length };
  return {
    start,
    end: start + text.length,
    text,
    type: "person",
    name,
    extractor: "test",
    confidence: 0.9,
    sentence,
    ...extra,
  };
}

/** A two-page document, its names, and a corpus over them: an entity merged away, a claim on page two. */
function fill(store: Store): void {
  const paged = makeDocument("paged", TEXT, {
    pages: [
      { start: 0, end: PAGE_ONE.length, number: 1 },
      { start: TWO, end: TEXT.length, number: 2 },
    ],
    metadata: { date: "1958-07-14", dateSource: "dateline" },
  });
  const mentions = [mention("Qasim", "Qasim", { ref: "#qasim" }), mention("Arif", "Arif")];
  // One passage per page, as a reader that keeps pages apart gives them.
  const passages = [PAGE_ONE, PAGE_TWO].flatMap((text, i) =>
    buildPassages(makeDocument(`page-${i}`, text)).map((p) => ({
      ...p,
      start: p.start + (i ? TWO : 0),
      end: p.end + (i ? TWO : 0),
    })),
  );
  store.replaceFile(file("paged.txt"), [makeRecord(paged, { mentions, passages })]);
  store.replaceFile(file("plain.txt"), [makeRecord(makeDocument("plain", "Qasim again, on no page at all."))]);
  const decision = store.decisions.append({ payload: { kind: "undo" }, user: "historian", reason: "test" });
  store.knowledge.saveCorpus({
    entities: [
      { id: "e-qasim", type: "person", name: "Qasim", key: "qasim", mergeReasons: [] },
      { id: "e-arif", type: "person", name: "Arif", key: "arif", mergeReasons: [] },
    ],
    assignments: [
      { documentId: "paged", type: "person", name: "Qasim", entityId: "e-qasim" },
      { documentId: "paged", type: "person", name: "Arif", entityId: "e-arif" },
    ],
    events: [],
    claims: [
      {
        subjectKind: "entity",
        subjectId: "e-arif",
        property: "spoke from",
        value: "Baghdad",
        documentId: "paged",
        start: TEXT.indexOf("Baghdad"),
        end: TEXT.indexOf("Baghdad") + 7,
        quoteStart: TWO,
        quoteEnd: TEXT.length,
        extractor: "test",
        confidence: 0.8,
      },
    ],
    redirects: [{ from: "e-old-qasim", to: "e-qasim" }],
    decisionStatuses: [{ decisionId: decision.id, status: "orphaned", why: "its mention is gone" }],
  });
}

describe.each(backends)("$name store: pages, decisions, redirects", (backend) => {
  let store: Store;
  beforeEach(() => {
    store = backend.open();
    fill(store);
  });
  afterEach(() => store.close());

  it("gives search hits, mentions and claims the page they stand on, and none without pages", () => {
    const page = (query: string) => store.search(query).hits.map((h) => [h.document.id, h.page]);
    expect(page("Baghdad")).toEqual([["paged", 2]]);
    expect(page("Qasim").sort()).toEqual([
      ["paged", 1],
      ["plain", undefined],
    ]);
    expect(store.knowledge.entityMentions("e-qasim").map((m) => m.page)).toEqual([1]);
    expect(store.knowledge.claims("entity", "e-arif").map((c) => c.page)).toEqual([2]);
    expect(store.getDocument("paged")!.document.pages?.map((p) => p.number)).toEqual([1, 2]);
    expect(store.getDocument("plain")!.document.pages).toBeUndefined();
  });

  it("says where a document's date came from", () => {
    const summaries = store.listDocuments();
    expect(summaries.find((d) => d.id === "paged")).toMatchObject({ date: "1958-07-14", dateSource: "dateline" });
    expect(summaries.find((d) => d.id === "plain")!.dateSource).toBeUndefined();
  });

  it("follows a merged entity's id to the entity it went into, with its key", () => {
    expect(store.knowledge.findEntity("e-old-qasim")).toMatchObject({ id: "e-qasim", key: "qasim" });
    expect(store.knowledge.findEntity("e-no-such-id")).toBeUndefined();
    expect(store.knowledge.entityRedirects()).toEqual([{ from: "e-old-qasim", to: "e-qasim" }]);
    expect(
      store.knowledge
        .nameAssignments()
        .map((a) => a.entityId)
        .sort(),
    ).toEqual(["e-arif", "e-qasim"]);
  });

  it("gives each name its source identifiers", () => {
    const names = store.knowledge.nameOccurrences();
    expect(names.find((n) => n.name === "Qasim")!.refs).toEqual(["#qasim"]);
    expect(names.find((n) => n.name === "Arif")!.refs).toBeUndefined();
  });

  it("applies mention edits, undoing the previous run's first", () => {
    const arif = { documentId: "paged", start: TEXT.indexOf("Arif"), end: TEXT.indexOf("Arif") + 4, text: "Arif" };
    expect(store.knowledge.applyMentionEdits([{ match: arif, set: { type: "rejected" } }])).toEqual([1]);
    expect(store.knowledge.documentMentions("paged").map((m) => m.text)).toEqual(["Qasim"]);
    expect(
      store.knowledge.applyMentionEdits([{ match: { name: "qasim" }, set: { name: "Abd al-Karim Qasim" } }]),
    ).toEqual([1]);
    const names = store.knowledge
      .nameOccurrences()
      .map((n) => n.name)
      .sort();
    expect(names).toEqual(["Abd al-Karim Qasim", "Arif"]);
    expect(
      store.knowledge.applyMentionEdits([
        { match: { name: "Qasim", pathPrefix: "elsewhere/" }, set: { type: "place" } },
      ]),
    ).toEqual([0]);
    expect(
      store.knowledge
        .nameOccurrences()
        .map((n) => n.name)
        .sort(),
    ).toEqual(["Arif", "Qasim"]);
  });

  it("keeps decisions in order with the last corpus stage's status", () => {
    const second = store.decisions.append({ payload: { kind: "undo" }, user: "editor", reason: "again", undoes: 1 });
    expect(store.decisions.all().map((d) => d.user)).toEqual(["historian", "editor"]);
    expect(store.decisions.get(second.id)).toEqual(second);
    expect(store.decisions.get(999)).toBeUndefined();
    expect(store.decisions.withStatus().map((d) => [d.status, d.why])).toEqual([
      ["orphaned", "its mention is gone"],
      ["pending", undefined],
    ]);
  });
});

/** The decisions table refuses changes whoever writes to it, not only through the store. */
describe.each(backends)("$name decisions table", (backend: Backend) => {
  const dir = mkdtempSync(join(tmpdir(), "annals-decisions-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses UPDATE and DELETE: it is append-only", () => {
    const location = backend.name === "postgres" ? postgresUrl() : join(dir, "kb.db");
    const store = openStore(location);
    store.decisions.append({ payload: { kind: "undo" }, user: "historian", reason: "test" });
    store.close();
    const raw =
      backend.name === "postgres"
        ? ((db) => ({ run: (sql: string) => db.query(sql), close: () => db.close() }))(new SyncPostgres(location))
        : ((db) => ({ run: (sql: string) => db.exec(sql), close: () => db.close() }))(new Database(location));
    try {
      expect(() => raw.run("UPDATE decisions SET reason = 'changed'")).toThrow(/append-only/);
      expect(() => raw.run("DELETE FROM decisions")).toThrow(/append-only/);
    } finally {
      raw.close();
    }
    const again = openStore(location);
    expect(again.decisions.all().map((d) => d.reason)).toEqual(["test"]);
    again.close();
  });
});

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import type { DocumentKind } from "../../src/core/document.js";
import type { Store } from "../../src/store/index.js";
import { backends, type Backend } from "./backends.js";

const SEEDS = join(import.meta.dirname, "../../examples/seeds");

/**
 * The seeds ingested with the whole pipeline, corpus stage included, once per backend; one file at a
 * time, so both backends store them in the same order.
 */
const stores = new Map<Backend["name"], Store>();
beforeAll(async () => {
  const files = readdirSync(SEEDS)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => join(SEEDS, name));
  for (const backend of backends) {
    const store = backend.open();
    stores.set(backend.name, store);
    for (const file of files) await ingest(store, [file], { workers: 0 });
  }
});
afterAll(() => {
  for (const store of stores.values()) store.close();
});

describe.each(backends)("$name knowledge store", (backend) => {
  const store = () => stores.get(backend.name)!;
  const knowledge = () => store().knowledge;

  it("lists entities by mention count, filtered by type, counted the same", () => {
    const all = knowledge().entities();
    expect(all.length).toBeGreaterThan(10);
    expect(knowledge().countEntities()).toBe(all.length);
    const counts = all.map((e) => e.mentions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const people = knowledge().entities({ type: "person" });
    expect(people.every((e) => e.type === "person")).toBe(true);
    expect(knowledge().countEntities("person")).toBe(people.length);
    expect(knowledge().entities({ limit: 3, offset: 1 })).toEqual(all.slice(1, 4));
  });

  it("finds an entity by id and by its name in any case, and nothing for an unknown name", () => {
    const top = knowledge().entities({ type: "person", limit: 1 })[0]!;
    expect(knowledge().findEntity(top.id)?.id).toBe(top.id);
    expect(knowledge().findEntity(top.name.toUpperCase())?.id).toBe(top.id);
    expect(knowledge().findEntity("Nobody Of That Name Anywhere")).toBeUndefined();
  });

  it("finds an entity by a spelling no document uses, through its words' transliteration keys", () => {
    const qasim = knowledge().findEntity("Qasim")!;
    expect(qasim.type).toBe("person");
    for (const spelling of ["Kassem", "Kasim", "Karim Kassem"]) {
      expect(
        knowledge()
          .entities()
          .some((e) => e.name === spelling),
      ).toBe(false);
      expect(knowledge().findEntity(spelling)?.id, spelling).toBe(qasim.id);
    }
    expect(knowledge().findEntity("Kassem Nobody-Else")).toBeUndefined();
    expect(knowledge().findEntity("%")).toBeUndefined();
  });

  it("cites every mention with a quote that holds it", () => {
    const top = knowledge().entities({ limit: 1 })[0]!;
    const mentions = knowledge().entityMentions(top.id);
    expect(mentions.length).toBe(top.mentions);
    for (const m of mentions) {
      const text = store().getDocument(m.document.id)!.document.text;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.quote).toContain(m.text);
    }
    expect(knowledge().entityMentions(top.id, 2)).toEqual(mentions.slice(0, 2));
    expect(knowledge().entityMentions(top.id, 2, 1)).toEqual(mentions.slice(1, 3));
  });

  it("outlines every event in the timeline's order, with how many accounts merged into it", () => {
    const events = knowledge().events();
    const outlines = knowledge().eventOutlines();
    expect(outlines.map((e) => [e.id, e.start, e.type])).toEqual(events.map((e) => [e.id, e.start, e.type]));
    expect(outlines.map((e) => e.accounts)).toEqual(events.map((e) => e.mentionIds.length));
  });

  it("quotes every claim from its document's text", () => {
    const claims = [...knowledge().claims("event"), ...knowledge().claims("entity")];
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) {
      const text = store().getDocument(c.documentId)!.document.text;
      expect(text.slice(c.quoteStart, c.quoteEnd).startsWith(c.quote)).toBe(true);
    }
  });

  it("lists the claims that tie an actor to another or to an event, and reads them back by id", () => {
    const links = knowledge().actorLinks();
    const claims = [...knowledge().claims("event"), ...knowledge().claims("entity")];
    const expected = claims.filter(
      (c) =>
        c.valueEntityId !== undefined &&
        c.valueEntityId !== c.subjectId &&
        (c.subjectKind === "entity" || c.property !== "place"),
    );
    expect(links.length).toBe(expected.length);
    expect(links.some((l) => l.subject !== undefined) && links.some((l) => l.eventStart !== undefined)).toBe(true);
    const events = new Map(
      knowledge()
        .events()
        .map((e) => [e.id, e]),
    );
    const byId = knowledge().claimsById(links.map((l) => l.claimId));
    for (const link of links) {
      const claim = byId.get(link.claimId)!;
      expect([claim.subjectId, claim.property, claim.valueEntityId, claim.documentId]).toEqual([
        link.subjectId,
        link.property,
        link.actor.id,
        link.documentId,
      ]);
      expect(knowledge().findEntity(link.actor.id)?.name).toBe(link.actor.name);
      if (link.subject) expect(knowledge().findEntity(link.subject.id)?.type).toBe(link.subject.type);
      else expect(link.eventStart).toBe(events.get(link.subjectId)!.start);
    }
    expect(knowledge().claimsById([-1]).size).toBe(0);
  });

  it("counts a query's passages per kind, document, year and entity type, each facet under the others' filters", () => {
    const total = (options: Parameters<Store["search"]>[1] = {}) =>
      store().search("Qasim", { ...options, countTotal: true }).total!;
    const facets = store().facets("Qasim", { top: 1000 });
    expect(facets.total).toBe(total());
    expect(facets.total).toBeGreaterThan(0);
    const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
    expect(sum(facets.kinds)).toBe(facets.total);
    expect(sum(facets.documents)).toBe(facets.total);
    for (const { value, count } of facets.kinds) expect(total({ kinds: [value as DocumentKind] })).toBe(count);
    for (const { value, count } of facets.documents) expect(total({ documentIds: [value] })).toBe(count);
    for (const { value, count } of facets.years) expect(total({ dateFrom: value, dateTo: value })).toBe(count);
    expect(facets.years.length).toBeGreaterThan(0);
    expect(facets.entityTypes.length).toBeGreaterThan(0);
    for (const { value, count } of facets.entityTypes)
      expect(total({ entityType: value as "person" | "organization" | "place" })).toBe(count);
    const kind = facets.kinds[0]!.value as DocumentKind;
    const narrowed = store().facets("Qasim", { kinds: [kind], top: 1000 });
    expect(narrowed.kinds).toEqual(facets.kinds);
    expect(narrowed.total).toBe(facets.kinds[0]!.count);
    expect(sum(narrowed.documents)).toBe(narrowed.total);
    expect(store().facets("Qasim", { top: 1 }).documents).toEqual(facets.documents.slice(0, 1));
    expect(store().facets("", {}).total).toBe(0);
  });

  it("pages events in date order and finds one by id or label", () => {
    const events = knowledge().events();
    expect(events.length).toBe(knowledge().countEvents());
    const dated = events.filter((e) => e.start !== undefined).map((e) => e.start!);
    expect(dated).toEqual([...dated].sort());
    expect(knowledge().events({ limit: 2, offset: 1 })).toEqual(events.slice(1, 3));
    const event = events.find((e) => e.documents.length > 0)!;
    expect(knowledge().findEvent(event.id)).toEqual(event);
    expect(knowledge().findEvent(event.label.toUpperCase())?.label).toBe(event.label);
  });

  it("replaces only the known-name mentions of a document", () => {
    const document = store().listDocuments()[0]!;
    const before = knowledge().documentMentions(document.id);
    const added = { start: 0, end: 1, text: "X", type: "person" as const, name: "X", extractor: "known-name" };
    const mention = { ...added, confidence: 0.5, sentence: { start: 0, end: 1 } };
    knowledge().replaceKnownNameMentions(document.id, [mention]);
    knowledge().replaceKnownNameMentions(document.id, [mention]);
    const after = knowledge().documentMentions(document.id);
    expect(after.filter((m) => m.text === "X" && m.start === 0)).toHaveLength(1);
    knowledge().replaceKnownNameMentions(document.id, []);
    expect(knowledge().documentMentions(document.id).length).toBe(after.length - 1);
    expect(before.length).toBeGreaterThan(0);
  });
});

describe.runIf(backends.length > 1)("PostgreSQL and SQLite hold the same knowledge base", () => {
  const both = <T>(read: (store: Store) => T): [T, T] => [read(stores.get("postgres")!), read(stores.get("sqlite")!)];

  it("for the extraction side", () => {
    for (const read of [
      (s: Store): unknown => s.knowledge.documentsForResolution(),
      (s: Store) => s.knowledge.eventMentions(),
      (s: Store) => s.knowledge.relationMentions(),
      (s: Store) => s.listDocuments(),
      (s: Store) => s.documentRelations(),
    ]) {
      const [postgres, sqlite] = both(read);
      expect(postgres).toEqual(sqlite);
    }
    const sortedOccurrences = (s: Store) =>
      s.knowledge
        .nameOccurrences()
        .map((o) => ({ ...o, roles: [...o.roles].sort(), extractors: [...o.extractors].sort() }));
    const [postgres, sqlite] = both(sortedOccurrences);
    expect(postgres).toEqual(sqlite);
  });

  it("for the entities, events and claims, and every view of them", () => {
    const [pgEntities, sqliteEntities] = both((s) => s.knowledge.entities());
    expect(pgEntities).toEqual(sqliteEntities);
    expect(both((s) => s.knowledge.events())[0]).toEqual(both((s) => s.knowledge.events())[1]);
    for (const kind of ["event", "entity"] as const) {
      const [postgres, sqlite] = both((s) => s.knowledge.claims(kind));
      expect(postgres).toEqual(sqlite);
    }
    const [pgLinks, sqliteLinks] = both((s) => s.knowledge.actorLinks().map(({ claimId: _id, ...link }) => link));
    expect(pgLinks).toEqual(sqliteLinks);
    for (const query of ["Qasim", "army OR coup", "revolution -Baghdad"]) {
      const [postgres, sqlite] = both((s) => s.facets(query, { top: 1000 }));
      expect(postgres).toEqual(sqlite);
    }
    for (const entity of sqliteEntities.slice(0, 15)) {
      const [postgres, sqlite] = both((s) => {
        const k = s.knowledge;
        const events = k.entityEvents(entity.id, 50);
        return {
          mentions: k.entityMentions(entity.id),
          aliases: k.aliasCounts(entity.id),
          roles: k.roleCounts(entity.id),
          documents: k.entityDocuments(entity.id),
          events,
          related: k.relatedEntities(
            entity.id,
            events.map((e) => e.id),
          ),
          byName: k.findEntity(entity.name)?.id,
        };
      });
      expect(postgres).toEqual(sqlite);
    }
    for (const document of stores.get("sqlite")!.listDocuments()) {
      const [postgres, sqlite] = both((s) => s.knowledge.documentMentions(document.id));
      expect(postgres).toEqual(sqlite);
    }
  });
});

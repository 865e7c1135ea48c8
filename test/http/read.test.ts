import { describe, expect, it } from "vitest";
import type {
  Disagreement,
  DocumentView,
  EntityPage,
  EntitySummary,
  EventCard,
  EventSummary,
  Graph,
} from "../../src/views/types.js";
import { useSeededApp, seedId, type ErrorJson } from "./helpers.js";

interface Hit {
  document: { id: string; path: string; title: string };
  section?: string;
  text: string;
  snippet: string;
  score: number;
  start: number;
  end: number;
}

const s = useSeededApp();

const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: "GET", url, headers });
const seedOf = (path: string) => path.split("/").pop()!.slice(0, 3);

describe("GET /api/search", () => {
  it("answers `annals search --json`'s shape: Kassem finds passages in all four seeds", async () => {
    const response = await get("/api/search?q=Kassem&limit=50");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const body = response.json<{ hits: Hit[] }>();
    expect(Object.keys(body)).toEqual(["hits"]);
    expect(new Set(body.hits.map((h) => seedOf(h.document.path)))).toEqual(new Set(["000", "001", "002", "003"]));
    for (const hit of body.hits) {
      expect(Object.keys(hit).sort()).toEqual(
        ["document", "end", "score", "snippet", "start", "text", ...(hit.section ? ["section"] : [])].sort(),
      );
      expect(hit.snippet).toContain("<mark>");
    }
  });

  it("applies the CLI's filters: kind, document, dates, section", async () => {
    const primary = (await get("/api/search?q=Qasim&kind=primary&limit=50")).json<{ hits: Hit[] }>().hits;
    expect(primary.length).toBeGreaterThan(0);
    expect(new Set(primary.map((h) => seedOf(h.document.path)))).toEqual(new Set(["002"]));
    const id = seedId(s.annals, "003");
    const inOne = (await get(`/api/search?q=Qasim&document=${encodeURIComponent(id)}`)).json<{ hits: Hit[] }>().hits;
    expect(inOne.every((h) => h.document.id === id)).toBe(true);
    const dated = (await get("/api/search?q=Qasim&from=1958&to=1958-12")).json<{ hits: Hit[] }>().hits;
    expect(dated.every((h) => seedOf(h.document.path) === "002")).toBe(true);
  });

  it("pages with limit and offset, Link and, when counted, X-Total-Count and total", async () => {
    const first = await get("/api/search?q=Qasim&limit=2&count=true");
    const body = first.json<{ hits: Hit[]; total: number }>();
    expect(body.hits).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(first.headers["x-total-count"]).toBe(String(body.total));
    expect(first.headers["link"]).toMatch(/<\/api\/search\?q=Qasim&limit=2&count=true&offset=2>; rel="next"/);
    const second = (await get("/api/search?q=Qasim&limit=2&offset=2")).json<{ hits: Hit[] }>();
    expect(second.hits[0]).not.toEqual(body.hits[0]);
    expect(second.hits[0]!.score).toBeLessThanOrEqual(body.hits[1]!.score);
  });

  it("says the total is a lower bound when it stops counting at countAtMost, and still links the next page", async () => {
    const exact = (await get("/api/search?q=Qasim&limit=2&count=true")).json<{ total: number }>().total;
    const capped = await get("/api/search?q=Qasim&limit=2&count=true&countAtMost=3");
    const body = capped.json<{ hits: Hit[]; total: number; totalIsLowerBound?: boolean }>();
    expect(exact).toBeGreaterThan(3);
    expect(body).toMatchObject({ total: 3, totalIsLowerBound: true });
    expect(body.hits).toHaveLength(2);
    expect(capped.headers["x-total-count"]).toBeUndefined();
    expect(capped.headers["link"]).toMatch(/rel="next"/);
    const enough = (await get(`/api/search?q=Qasim&count=true&countAtMost=${exact}`)).json<{ total: number }>();
    expect(enough).not.toHaveProperty("totalIsLowerBound");
    expect(enough.total).toBe(exact);
  });

  it("answers 400 listing every bad parameter", async () => {
    const response = await get("/api/search?limit=0&kind=novel&from=1963-7&bogus=1");
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorJson>();
    expect(error.code).toBe("invalid-request");
    const paths = error.issues!.map((i) => i.path).sort();
    expect(paths).toEqual(
      ["querystring.bogus", "querystring.from", "querystring.kind.0", "querystring.limit", "querystring.q"].sort(),
    );
    expect(error.message).toMatch(/q is required/);
    expect(error.message).toMatch(/unknown parameter "bogus"/);
    expect(error.message).toMatch(/encyclopedia, primary/);
  });

  it("rejects a non-numeric limit and a huge query", async () => {
    expect((await get("/api/search?q=a&limit=ten")).statusCode).toBe(400);
    expect((await get(`/api/search?q=${"a".repeat(1001)}`)).statusCode).toBe(400);
    expect((await get("/api/search?q=a&limit=1001")).statusCode).toBe(400);
  });

  it("takes hostile query syntax as words", async () => {
    for (const q of ['"unbalanced', "NEAR(", "a OR", "*", "ar-Rashid", "Ba'ath", "-"]) {
      const response = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBeLessThan(500);
    }
  });
});

describe("ETags", () => {
  it("answers 304 to If-None-Match with the same strong ETag, 200 otherwise", async () => {
    const first = await get("/api/search?q=Kassem");
    const etag = first.headers["etag"] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await get("/api/search?q=Kassem", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers["etag"]).toBe(etag);
    expect((await get("/api/search?q=Kassem", { "if-none-match": '"other"' })).statusCode).toBe(200);
    expect((await get("/api/search?q=Qasim", { "if-none-match": etag })).statusCode).toBe(200);
  });

  it("sets one on every read endpoint", async () => {
    for (const url of [
      "/api/documents",
      "/api/entities",
      "/api/events",
      "/api/timeline",
      "/api/graph",
      "/api/disagreements",
      "/api/openapi.json",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["etag"], url).toBeDefined();
      expect((await get(url, { "if-none-match": response.headers["etag"] as string })).statusCode, url).toBe(304);
    }
  });
});

describe("documents", () => {
  it("filters the documents by words of their path and by kind", async () => {
    const all = (await get("/api/documents")).json<{ id: string; path: string; kind: string }[]>();
    const one = all.find((d) => seedOf(d.path) === "001")!;
    const name = one.path.split("/").pop()!;
    const byText = await get(`/api/documents?text=${encodeURIComponent(name.toUpperCase())}`);
    expect(byText.json<{ id: string }[]>().map((d) => d.id)).toEqual([one.id]);
    expect(byText.headers["x-total-count"]).toBe("1");
    const byKind = (await get(`/api/documents?kind=${one.kind}`)).json<{ kind: string }[]>();
    expect(byKind.length).toBe(all.filter((d) => d.kind === one.kind).length);
    expect((await get("/api/documents?kind=poem")).statusCode).toBe(400);
  });

  it("lists them as `annals documents --json`, with X-Total-Count and Link", async () => {
    const response = await get("/api/documents");
    const list = response.json<{ id: string; path: string; kind: string; derivedFrom?: { id: string } }[]>();
    expect(list).toHaveLength(4);
    expect(response.headers["x-total-count"]).toBe("4");
    const derived = list.find((d) => seedOf(d.path) === "000")!;
    expect(derived.derivedFrom?.id).toBe(seedId(s.annals, "001"));
    const page = await get("/api/documents?limit=2&offset=1");
    expect(page.json<unknown[]>()).toHaveLength(2);
    expect(page.headers["link"]).toContain('rel="prev"');
    expect(page.headers["link"]).toContain('rel="next"');
    expect(page.headers["link"]).toContain('rel="last"');
  });

  it("gives one document's text, sections, metadata and mention spans", async () => {
    const id = seedId(s.annals, "001");
    const response = await get(`/api/documents/${encodeURIComponent(id)}`);
    expect(response.statusCode).toBe(200);
    const view = response.json<DocumentView>();
    expect(view.id).toBe(id);
    expect(view.title).toMatch(/Ar-Rashid revolt/);
    expect(view.sections.map((x) => x.title)).toContain("Background");
    expect(view.infobox.some((f) => /strength/i.test(f.key))).toBe(true);
    expect(view.mentions.length).toBeGreaterThan(10);
    for (const m of view.mentions.slice(0, 50)) expect(view.text.slice(m.start, m.end)).toBe(m.text);
    const primary = (await get(`/api/documents/${encodeURIComponent(seedId(s.annals, "002"))}`)).json<DocumentView>();
    expect(primary.metadata.date).toBe("1958-12-18");
  });

  it("answers 404 with an error body for an unknown id", async () => {
    const response = await get("/api/documents/nope");
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorJson>().error).toMatchObject({ code: "not-found", path: "/api/documents/nope" });
  });

  it("validates paging", async () => {
    const response = await get("/api/documents?limit=-1&offset=x");
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.issues).toHaveLength(2);
  });
});

describe("entities", () => {
  it("lists them, by type, a page at a time", async () => {
    const people = (await get("/api/entities?type=person&limit=1000")).json<EntitySummary[]>();
    expect(people.length).toBeGreaterThan(5);
    expect(people.every((e) => e.type === "person")).toBe(true);
    const page = await get("/api/entities?limit=3");
    expect(page.json<EntitySummary[]>()).toHaveLength(3);
    expect(page.headers["link"]).toContain('rel="next"');
    const next = (await get("/api/entities?limit=3&offset=3")).json<EntitySummary[]>();
    expect(next[0]!.id).not.toBe(page.json<EntitySummary[]>()[0]!.id);
  });

  it("counts each entity's documents as its page lists them", async () => {
    for (const summary of (await get("/api/entities?limit=5")).json<EntitySummary[]>()) {
      const page = (await get(`/api/entities/${summary.id}`)).json<{ documents: { id: string }[] }>();
      expect(summary.documentCount).toBe(page.documents.length);
      expect(summary.documents.map((d) => d.id)).toEqual(page.documents.map((d) => d.id));
    }
  });

  it("answers 400 for an unknown type", async () => {
    const response = await get("/api/entities?type=animal");
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.issues![0]!.path).toBe("querystring.type");
  });

  it("finds Qasim by name, with aliases, mentions and events", async () => {
    const response = await get("/api/entities/Qasim");
    expect(response.statusCode).toBe(200);
    const page = response.json<EntityPage>();
    expect(page.name).toMatch(/Qasim/);
    expect(page.aliasCounts.length).toBeGreaterThan(1);
    expect(page.mentions.length).toBeGreaterThan(3);
    for (const mention of page.mentions) expect(mention.quote.length).toBeGreaterThan(0);
    const byId = (await get(`/api/entities/${encodeURIComponent(page.id)}`)).json<EntityPage>();
    expect(byId.id).toBe(page.id);
  });

  it("answers 404 for nobody", async () => {
    expect((await get("/api/entities/Nobody%20Atall")).statusCode).toBe(404);
  });

  it("pages an entity's mentions with mentionsLimit and mentionsOffset", async () => {
    const all = (await get("/api/entities/Qasim?mentionsLimit=1000")).json<EntityPage>();
    expect(all.mentions.length).toBeGreaterThan(3);
    const first = (await get("/api/entities/Qasim?mentionsLimit=2")).json<EntityPage>();
    const second = (await get("/api/entities/Qasim?mentionsLimit=2&mentionsOffset=2")).json<EntityPage>();
    expect(first.mentions).toEqual(all.mentions.slice(0, 2));
    expect(second.mentions).toEqual(all.mentions.slice(2, 4));
    expect(second.mentionCount).toBe(all.mentionCount);
  });

  it("answers 400 for a mentionsLimit out of range", async () => {
    const response = await get("/api/entities/Qasim?mentionsLimit=0");
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.issues![0]!.path).toBe("querystring.mentionsLimit");
  });

  it("resolves ?name= the way the entity page does, as a list of at most one", async () => {
    const found = await get("/api/entities?name=Qasim");
    const list = found.json<EntitySummary[]>();
    expect(list).toHaveLength(1);
    expect(list[0]!.name).toMatch(/Qasim/);
    expect(typeof list[0]!.mentions).toBe("number");
    expect(found.headers["x-total-count"]).toBe("1");
    const otherType = ["person", "organization", "place"].find((t) => t !== list[0]!.type)!;
    expect((await get(`/api/entities?name=Qasim&type=${otherType}`)).json<EntitySummary[]>()).toEqual([]);
    expect((await get("/api/entities?name=Nobody%20Atall")).json<EntitySummary[]>()).toEqual([]);
  });
});

describe("events, timeline, graph, disagreements", () => {
  it("filters the event list by type and period, counting what passes", async () => {
    const events = (await get("/api/events?limit=10000")).json<EventSummary[]>();
    const dated = events.filter((e) => e.start);
    const { type, start } = dated[0]!;
    const year = start!.slice(0, 4);
    const response = await get(`/api/events?type=${encodeURIComponent(type)}&from=${year}&to=${year}&limit=10000`);
    const expected = dated.filter((e) => e.type === type && e.start!.startsWith(year));
    expect(response.json<EventSummary[]>().map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(response.headers["x-total-count"]).toBe(String(expected.length));
    expect((await get("/api/events?from=July")).statusCode).toBe(400);
  });

  it("counts the timeline per year with its densest year and the undated apart", async () => {
    const events = (await get("/api/events?limit=10000")).json<EventSummary[]>();
    const overview = (await get("/api/timeline/overview?zoom=year")).json<{
      dated: number;
      undated: number;
      densest: string;
      buckets: { period: string; count: number; top: { id: string }[] }[];
    }>();
    expect(overview.undated).toBe(events.filter((e) => !e.start).length);
    expect(overview.dated).toBe(events.length - overview.undated);
    const perYear = new Map<string, number>();
    for (const e of events) if (e.start) perYear.set(e.start.slice(0, 4), (perYear.get(e.start.slice(0, 4)) ?? 0) + 1);
    expect(Object.fromEntries(overview.buckets.map((b) => [b.period, b.count]))).toEqual(Object.fromEntries(perYear));
    expect(overview.buckets.find((b) => b.period === overview.densest)!.count).toBe(Math.max(...perYear.values()));
    for (const b of overview.buckets) expect(b.top.length).toBe(Math.min(3, b.count));
    expect((await get("/api/timeline/overview?zoom=week")).statusCode).toBe(400);
  });

  it("lists the events sorted by start; /api/timeline is the same list", async () => {
    const events = (await get("/api/events")).json<EventSummary[]>();
    expect(events.length).toBeGreaterThan(3);
    const starts = events.map((e) => e.start).filter((x): x is string => !!x);
    expect([...starts].sort()).toEqual(starts);
    expect((await get("/api/timeline")).json<EventSummary[]>()).toEqual(events);
    const paged = await get("/api/events?limit=2&offset=1");
    expect(paged.json<EventSummary[]>()).toEqual(events.slice(1, 3));
    expect(paged.headers["x-total-count"]).toBe(String(events.length));
  });

  it("gives the Ar-Rashid revolt card: 3 July 1963 and both strength values with their sources", async () => {
    const response = await get(`/api/events/${encodeURIComponent("Ar-Rashid revolt")}`);
    expect(response.statusCode).toBe(200);
    const card = response.json<EventCard>();
    expect(card.start).toBe("1963-07-03");
    const strength = Object.entries(card.fields)
      .filter(([field]) => field.startsWith("strength"))
      .flatMap(([, values]) => values);
    const values = strength.map((v) => v.value).join(" | ");
    expect(values).toMatch(/300\s*[–-]\s*2,000/);
    expect(strength.some((v) => /^2,000\b/.test(v.value) || v.value === "2,000")).toBe(true);
    for (const v of strength) expect(v.sources.length).toBeGreaterThan(0);
    // 2,000 in the prose and 300–2,000 in the infobox of one article: one source contradicting itself.
    expect(card.inconsistencies.some((f) => f.startsWith("strength"))).toBe(true);
    expect(card.disagreements.some((f) => f.startsWith("strength"))).toBe(false);
    expect((await get(`/api/events/${encodeURIComponent(card.id)}`)).json<EventCard>().id).toBe(card.id);
  });

  it("answers 404 for an unknown event and 400 for bad paging or an overlong id", async () => {
    expect((await get("/api/events/no-such-event")).statusCode).toBe(404);
    expect((await get("/api/events?limit=0")).statusCode).toBe(400);
    expect((await get("/api/timeline?limit=10001")).statusCode).toBe(400);
    expect((await get("/api/disagreements?offset=-3")).statusCode).toBe(400);
    const long = await get(`/api/events/${"x".repeat(513)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json<ErrorJson>().error.path).toBe("params.id");
  });

  it("gives the network with typed edges and their evidence", async () => {
    const graph = (await get("/api/graph")).json<Graph>();
    expect(graph.nodes.length).toBeGreaterThan(3);
    expect(graph.edges.length).toBeGreaterThan(0);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.type).toBeTruthy();
      expect(edge.evidence.length).toBeGreaterThan(0);
    }
    expect((await get("/api/graph?x=1")).statusCode).toBe(400);
  });

  it("lists disagreements", async () => {
    const list = (await get("/api/disagreements")).json<Disagreement[]>();
    expect(list.some((d) => d.property.startsWith("strength") && d.scope === "internal")).toBe(true);
  });
});

describe("GET /api/openapi.json", () => {
  it("is OpenAPI 3.1 and covers every route", async () => {
    const doc = (await get("/api/openapi.json")).json<{
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(
      [
        "get /api/search",
        "get /api/search/facets",
        "get /api/documents",
        "get /api/documents/pairs",
        "get /api/documents/{id}",
        "get /api/documents/{id}/pages/{page}/image",
        "post /api/documents",
        "get /api/entities",
        "get /api/entities/{id}",
        "get /api/events",
        "get /api/events/{id}",
        "get /api/timeline",
        "get /api/timeline/overview",
        "get /api/timeline/facets",
        "get /api/timeline/outlines",
        "get /api/graph",
        "get /api/export",
        "get /api/graph/edges/{id}",
        "get /api/disagreements",
        "get /api/openapi.json",
        "get /api/decisions",
        "post /api/decisions",
        "delete /api/decisions/{id}",
      ].sort(),
    );
    expect(doc.paths["/api/search"]!["get"]!.parameters.map((p) => p.name)).toContain("q");
    expect(doc.paths["/api/documents"]!["post"]!.parameters.map((p) => p.name)).toEqual(["filename"]);
    // Every $ref points at a schema that exists.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split("/").pop()!], ref).toBeDefined();
  });
});

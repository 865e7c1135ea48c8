import { describe, expect, it } from "vitest";
import { CSV_TABLES, EXPORT_FORMATS, exportFiles } from "../../src/export/index.js";
import { useSeededApp, type ErrorJson } from "./helpers.js";

const s = useSeededApp();

const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: "GET", url, headers });

describe("GET /api/export", () => {
  it("sends each format as `annals export` writes it, as an attachment with a file name", async () => {
    for (const format of EXPORT_FORMATS.filter((f) => f !== "csv")) {
      const response = await get(`/api/export?format=${format}`);
      expect(response.statusCode, format).toBe(200);
      const [file] = exportFiles(s.annals, format);
      expect(response.body, format).toBe(file!.content);
      expect(response.headers["content-type"], format).toContain(file!.mediaType);
      expect(response.headers["content-disposition"], format).toBe(`attachment; filename="${file!.name}"`);
    }
  });

  it("sends the actor network as GEXF with a node per actor", async () => {
    const gexf = (await get("/api/export?format=gexf")).body;
    const graph = s.annals.graph();
    expect(graph.nodes.length).toBeGreaterThan(0);
    expect(gexf.match(/<node /g)).toHaveLength(graph.nodes.length);
    expect(gexf).toContain(`id="${graph.nodes[0]!.id}"`);
  });

  it("sends one CSV table per request, a header and a row per record", async () => {
    const response = await get("/api/export?format=csv&table=entities");
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="entities.csv"');
    const lines = response.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,type,name,aliases,mentions,documents");
    expect(lines.length - 1).toBe(s.annals.entities().length);
    for (const table of CSV_TABLES) {
      const reply = await get(`/api/export?format=csv&table=${table}`);
      expect(reply.statusCode, table).toBe(200);
      expect(reply.headers["content-disposition"], table).toBe(`attachment; filename="${table}.csv"`);
    }
  });

  it("keeps only the events that pass the timeline's filter, as /api/events does", async () => {
    const events = s.annals.events();
    const type = events[0]!.type;
    const passing = s.annals.filteredEvents({ type }, { limit: 10_000, offset: 0 });
    expect(passing.total).toBeLessThan(events.length);
    const lines = (await get(`/api/export?format=csv&table=events&type=${encodeURIComponent(type)}`)).body
      .trimEnd()
      .split("\r\n");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(passing.items.map((e) => e.id));
    const slides = (await get(`/api/export?format=timelinejs&type=${encodeURIComponent(type)}`)).json<{
      events: { group: string }[];
    }>().events;
    expect(slides.length).toBeGreaterThan(0);
    expect(slides.every((slide) => slide.group === type)).toBe(true);
    const whole = (await get("/api/export?format=json")).json<{ entities: unknown[]; events: unknown[] }>();
    const narrowed = (await get(`/api/export?format=json&type=${encodeURIComponent(type)}`)).json<typeof whole>();
    expect(narrowed.events).toHaveLength(passing.total);
    expect(narrowed.entities).toEqual(whole.entities);
  });

  it("answers 304 to If-None-Match like the other read endpoints", async () => {
    const first = await get("/api/export?format=graphml");
    const etag = first.headers["etag"] as string;
    expect(etag).toBeDefined();
    expect((await get("/api/export?format=graphml", { "if-none-match": etag })).statusCode).toBe(304);
  });
});

describe("GET /api/export with bad parameters", () => {
  it("answers 400 for an unknown or missing format, naming the formats", async () => {
    for (const url of ["/api/export?format=pdf", "/api/export"]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      const { error } = response.json<ErrorJson>();
      expect(error.code, url).toBe("invalid-request");
      expect(
        error.issues!.map((i) => i.path),
        url,
      ).toContain("querystring.format");
    }
    expect((await get("/api/export?format=pdf")).json<ErrorJson>().error.message).toMatch(/gexf/);
  });

  it("answers 400 for csv without a table, naming the tables", async () => {
    const response = await get("/api/export?format=csv");
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorJson>();
    expect(error.path).toBe("querystring.table");
    expect(error.message).toMatch(/entities, mentions/);
  });

  it("answers 400 for an unknown table and for a table with another format", async () => {
    const unknown = await get("/api/export?format=csv&table=people");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorJson>().error.issues!.map((i) => i.path)).toContain("querystring.table");
    const misplaced = await get("/api/export?format=gexf&table=entities");
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json<ErrorJson>().error.path).toBe("querystring.table");
  });

  it("answers 400 for an event filter on a format or table without events, and for a bad period", async () => {
    for (const [url, path] of [
      ["/api/export?format=gexf&type=coup", "querystring.type"],
      ["/api/export?format=csv&table=entities&place=Baghdad", "querystring.place"],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      const { error } = response.json<ErrorJson>();
      expect(error.path, url).toBe(path);
      expect(error.message, url).toMatch(/timelinejs/);
    }
    const period = await get("/api/export?format=timelinejs&from=July");
    expect(period.statusCode).toBe(400);
    expect(period.json<ErrorJson>().error.issues!.map((i) => i.path)).toContain("querystring.from");
  });

  it("answers 400 for an unknown parameter", async () => {
    const response = await get("/api/export?format=json&scope=all");
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.issues!.map((i) => i.path)).toContain("querystring.scope");
  });
});

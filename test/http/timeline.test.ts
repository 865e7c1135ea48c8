import { describe, expect, it } from "vitest";
import type { EventSummary } from "../../src/views/types.js";
import { useSeededApp, type ErrorJson } from "./helpers.js";

const s = useSeededApp();

const get = (url: string) => s.app.inject({ method: "GET", url });

interface Facets {
  types: { value: string; count: number }[];
  places: { value: string; count: number }[];
}

function counted(values: (string | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) if (v) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const asRecord = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((f) => [f.value, f.count]));

describe("GET /api/timeline/facets", () => {
  it("counts every type and place of the events, most frequent first", async () => {
    const events = (await get("/api/events?limit=10000")).json<EventSummary[]>();
    const facets = (await get("/api/timeline/facets")).json<Facets>();
    expect(asRecord(facets.types)).toEqual(counted(events.map((e) => e.type)));
    expect(asRecord(facets.places)).toEqual(counted(events.map((e) => e.place)));
    const counts = facets.types.map((t) => t.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it("counts the types among the events of the chosen place, and keeps every type when a type is chosen", async () => {
    const events = (await get("/api/events?limit=10000")).json<EventSummary[]>();
    const place = events.find((e) => e.place)!.place!;
    const type = events.find((e) => e.place === place)!.type;
    const facets = (
      await get(`/api/timeline/facets?place=${encodeURIComponent(place)}&type=${encodeURIComponent(type)}`)
    ).json<Facets>();
    expect(asRecord(facets.types)).toEqual(counted(events.filter((e) => e.place === place).map((e) => e.type)));
    expect(asRecord(facets.places)).toEqual(counted(events.filter((e) => e.type === type).map((e) => e.place)));
  });

  it("narrows by date: only the events of 1963 are counted", async () => {
    const in1963 = (await get("/api/events?from=1963&to=1963&limit=10000")).json<EventSummary[]>();
    expect(in1963.length).toBeGreaterThan(0);
    const facets = (await get("/api/timeline/facets?from=1963&to=1963")).json<Facets>();
    expect(asRecord(facets.types)).toEqual(counted(in1963.map((e) => e.type)));
  });

  it("answers 400 for an unknown parameter, a malformed date and an empty type", async () => {
    for (const url of [
      "/api/timeline/facets?zoom=year",
      "/api/timeline/facets?from=July",
      "/api/timeline/facets?type=",
      "/api/timeline/facets?dated=true",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json<ErrorJson>().error.message, url).toBeTruthy();
    }
  });
});

describe("GET /api/timeline?dated=", () => {
  it("pages the events without a date with dated=false, as many as the overview counts", async () => {
    const overview = (await get("/api/timeline/overview")).json<{ undated: number }>();
    const events = (await get("/api/events?limit=10000")).json<EventSummary[]>();
    const undated = events.filter((e) => !e.start);
    expect(undated.length).toBe(overview.undated);
    const response = await get("/api/timeline?dated=false&limit=1");
    expect(response.headers["x-total-count"]).toBe(String(overview.undated));
    expect(response.json<EventSummary[]>().map((e) => e.id)).toEqual(undated.slice(0, 1).map((e) => e.id));
    const all = (await get("/api/timeline?dated=false&limit=10000")).json<EventSummary[]>();
    expect(all.map((e) => e.id)).toEqual(undated.map((e) => e.id));
  });

  it("lists only the dated events with dated=true", async () => {
    const events = (await get("/api/events?limit=10000")).json<EventSummary[]>();
    const response = await get("/api/timeline?dated=true&limit=10000");
    expect(response.json<EventSummary[]>().map((e) => e.id)).toEqual(events.filter((e) => e.start).map((e) => e.id));
  });

  it("leaves none with a date range, and answers 400 for a value that is not a boolean", async () => {
    const ranged = await get("/api/timeline?dated=false&from=1958");
    expect(ranged.statusCode).toBe(200);
    expect(ranged.headers["x-total-count"]).toBe("0");
    expect((await get("/api/timeline?dated=maybe")).statusCode).toBe(400);
  });
});

describe("GET /api/timeline/outlines", () => {
  it("pages the filtered timeline as /api/timeline does, each event without participants and quotes", async () => {
    const full = await get("/api/timeline?from=1958&limit=10000");
    const events = full.json<EventSummary[]>();
    expect(events.length).toBeGreaterThan(2);
    const response = await get("/api/timeline/outlines?from=1958&limit=2&offset=1");
    expect(response.headers["x-total-count"]).toBe(full.headers["x-total-count"]);
    const outlines = response.json<{ id: string; label: string; start?: string; accounts: number }[]>();
    expect(outlines.map((e) => [e.id, e.label, e.start])).toEqual(
      events.slice(1, 3).map((e) => [e.id, e.label, e.start]),
    );
    for (const outline of outlines) {
      expect(outline.accounts).toBeGreaterThan(0);
      expect(Object.keys(outline)).not.toContain("sources");
    }
  });

  it("answers 400 for a page out of bounds and an unknown parameter", async () => {
    for (const url of [
      "/api/timeline/outlines?limit=0",
      "/api/timeline/outlines?offset=-1",
      "/api/timeline/outlines?zoom=day",
    ])
      expect((await get(url)).statusCode, url).toBe(400);
  });
});

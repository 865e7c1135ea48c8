import { describe, expect, it } from "vitest";
import type { Graph, GraphEdge } from "../../src/views/types.js";
import { useSeededApp, type ErrorJson } from "./helpers.js";

const s = useSeededApp();

const get = (url: string) => s.app.inject({ method: "GET", url });
const graphOf = async (query: string) => {
  const response = await get(`/api/graph${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Graph>();
};
const byStrength = (edges: GraphEdge[]) => edges.map((e) => e.weight);

describe("GET /api/graph", () => {
  it("gives the strongest links first, every edge between two shown actors, each actor in a community", async () => {
    const graph = await graphOf("?limit=5000&quotes=1000");
    expect(graph.edges.length).toBeGreaterThan(3);
    expect(graph.totals).toEqual({ nodes: graph.nodes.length, edges: graph.edges.length });
    expect(byStrength(graph.edges)).toEqual([...byStrength(graph.edges)].sort((a, b) => b - a));
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.evidence.length).toBe(edge.weight);
    }
    expect(graph.edges.some((e) => e.type === "co-participant")).toBe(true);
    expect(graph.edges.some((e) => e.type !== "co-participant")).toBe(true);
    const sizes = new Map<number, number>();
    for (const node of graph.nodes) sizes.set(node.community, (sizes.get(node.community) ?? 0) + 1);
    expect([...sizes.keys()].sort((a, b) => a - b)).toEqual([...sizes.keys()].map((_, i) => i));
    const bySize = [...sizes.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
    expect(bySize).toEqual([...bySize].sort((a, b) => b - a));
  });

  it("keeps the actors of the strongest links within the limit, and counts what it left out", async () => {
    const full = await graphOf("?limit=5000");
    const limited = await graphOf("?limit=4");
    expect(limited.nodes.length).toBeLessThanOrEqual(4);
    expect(limited.totals).toEqual(full.totals);
    const kept = new Set(limited.nodes.map((n) => n.id));
    expect(kept.has(full.edges[0]!.source) && kept.has(full.edges[0]!.target)).toBe(true);
    const between = full.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
    expect(limited.edges.map((e) => e.id)).toEqual(between.map((e) => e.id));
    expect((await graphOf("")).nodes.length).toBe(Math.min(150, full.totals.nodes));
  });

  it("answers a name in another spelling with its actor and its neighbours only", async () => {
    const graph = await graphOf("?q=Kassem");
    const qasim = graph.nodes.find((n) => /Qasim/.test(n.name));
    expect(qasim).toBeDefined();
    expect(graph.edges.length).toBeGreaterThan(0);
    const matching = new Set(graph.nodes.filter((n) => /Qa?s+[ie]m|Kassem/i.test(n.name)).map((n) => n.id));
    for (const edge of graph.edges) expect(matching.has(edge.source) || matching.has(edge.target)).toBe(true);
    expect((await graphOf("?q=Nobody%20Atall")).totals).toEqual({ nodes: 0, edges: 0 });
  });

  it("counts only the quotes dated in the period, leaving out the links without one there", async () => {
    const full = await graphOf("?limit=5000");
    const weights = new Map(full.edges.map((e) => [e.id, e.weight]));
    const years = ["1958", "1963"];
    const ranged = await Promise.all(years.map((y) => graphOf(`?from=${y}&to=${y}&limit=5000`)));
    for (const graph of ranged) {
      expect(graph.edges.length).toBeGreaterThan(0);
      expect(graph.edges.length).toBeLessThan(full.edges.length);
      for (const edge of graph.edges) expect(edge.weight).toBeLessThanOrEqual(weights.get(edge.id)!);
    }
    const month = await graphOf("?from=1963-02&to=1963-02&limit=5000");
    expect(month.edges.length).toBeLessThanOrEqual(ranged[1]!.edges.length);
    expect((await graphOf("?from=1800&to=1801")).totals).toEqual({ nodes: 0, edges: 0 });
  });

  it("shows only the actor types asked for, and as many quotes per edge as asked", async () => {
    const people = await graphOf("?type=person&limit=5000");
    expect(people.nodes.length).toBeGreaterThan(1);
    expect(people.nodes.every((n) => n.type === "person")).toBe(true);
    const two = await graphOf("?type=person&type=organization&limit=5000");
    expect(new Set(two.nodes.map((n) => n.type))).toEqual(new Set(["person", "organization"]));
    const bare = await graphOf("?quotes=0");
    expect(bare.edges.every((e) => e.evidence.length === 0 && e.weight > 0)).toBe(true);
    const one = await graphOf("?quotes=1");
    expect(one.edges.every((e) => e.evidence.length === 1)).toBe(true);
  });

  it("refuses a bad period, type, limit or quote count with the parameter named", async () => {
    for (const [query, path] of [
      ["from=July", "querystring.from"],
      ["to=1958-7", "querystring.to"],
      ["type=people", "querystring.type.0"],
      ["limit=0", "querystring.limit"],
      ["limit=5001", "querystring.limit"],
      ["quotes=-1", "querystring.quotes"],
      ["q=", "querystring.q"],
    ] as const) {
      const response = await get(`/api/graph?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<ErrorJson>().error.path, query).toBe(path);
    }
    expect((await get("/api/graph?x=1")).statusCode).toBe(400);
  });
});

describe("GET /api/graph/edges/:id", () => {
  it("gives one edge with every quote it rests on, in the period when one is given", async () => {
    const strongest = (await graphOf("?quotes=0")).edges[0]!;
    const response = await get(`/api/graph/edges/${encodeURIComponent(strongest.id)}`);
    expect(response.statusCode).toBe(200);
    const edge = response.json<GraphEdge>();
    expect({ ...edge, evidence: [] }).toEqual(strongest);
    expect(edge.evidence.length).toBe(strongest.weight);
    for (const quote of edge.evidence) expect(quote.quote.length).toBeGreaterThan(0);
    const outside = await get(`/api/graph/edges/${encodeURIComponent(strongest.id)}?from=1800&to=1800`);
    expect(outside.statusCode).toBe(404);
  });

  it("answers 404 for an unknown edge and 400 for a bad period", async () => {
    expect((await get("/api/graph/edges/a%7Cled%7Cb")).statusCode).toBe(404);
    const bad = await get(`/api/graph/edges/x?from=soon`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorJson>().error.path).toBe("querystring.from");
  });
});

describe("the network after a correction", () => {
  it("names a renamed actor anew at once (the network is rebuilt when the knowledge base changes)", async () => {
    const before = await graphOf("?limit=5000");
    const actor = before.nodes.find((n) => n.name === "Hasan Sari")!;
    expect(actor).toBeDefined();
    const renamed = await s.app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "rename", entity: actor.id, name: "Hasan Sari (corporal)" },
    });
    expect(renamed.statusCode, renamed.body).toBe(201);
    const after = await graphOf("?limit=5000");
    expect(after.nodes.find((n) => n.id === actor.id)?.name).toBe("Hasan Sari (corporal)");
    expect(after.totals).toEqual(before.totals);
  });
});

import { describe, expect, it } from "vitest";
import type { SearchFacets } from "../../src/search/types.js";
import { useSeededApp, type ErrorJson } from "./helpers.js";

const s = useSeededApp();

const get = (url: string) => s.app.inject({ method: "GET", url });
const facetsOf = async (query: string) => {
  const response = await get(`/api/search/facets?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchFacets>();
};
const totalOf = async (query: string) => (await get(`/api/search?${query}&count=true`)).json<{ total: number }>().total;

describe("GET /api/search/facets", () => {
  it("counts the query's passages per kind, document, year and entity type as the search counts them", async () => {
    const facets = await facetsOf("q=Kassem");
    expect(facets.total).toBe(await totalOf("q=Kassem"));
    expect(facets.kinds.length).toBeGreaterThan(1);
    for (const { value, count } of facets.kinds) expect(await totalOf(`q=Kassem&kind=${value}`)).toBe(count);
    for (const { value, count, document } of facets.documents) {
      expect(document?.id).toBe(value);
      expect(await totalOf(`q=Kassem&document=${encodeURIComponent(value)}`)).toBe(count);
    }
    for (const { value, count } of facets.years)
      expect(await totalOf(`q=Kassem&from=${value}&to=${value}`)).toBe(count);
    expect(facets.entityTypes.length).toBeGreaterThan(0);
    for (const { value, count } of facets.entityTypes)
      expect(await totalOf(`q=Kassem&entityType=${value}`)).toBe(count);
  });

  it("re-counts the other facets when a filter is applied, and keeps the filtered facet's alternatives", async () => {
    const all = await facetsOf("q=Qasim");
    const kind = all.kinds[0]!;
    const narrowed = await facetsOf(`q=Qasim&kind=${kind.value}`);
    expect(narrowed.kinds).toEqual(all.kinds);
    expect(narrowed.total).toBe(kind.count);
    expect(narrowed.documents.reduce((n, d) => n + d.count, 0)).toBe(kind.count);
    const person = await facetsOf("q=Qasim&entityType=person");
    expect(person.entityTypes).toEqual(all.entityTypes);
    expect(person.total).toBe(all.entityTypes.find((t) => t.value === "person")!.count);
    expect((await facetsOf("q=Qasim&top=1")).documents).toEqual(all.documents.slice(0, 1));
  });

  it("answers nothing to count for a query with nothing searchable, and 400 for bad input", async () => {
    expect(await facetsOf("q=%21%21")).toEqual({ total: 0, kinds: [], documents: [], years: [], entityTypes: [] });
    for (const [query, path] of [
      ["", "querystring.q"],
      ["q=Qasim&top=0", "querystring.top"],
      ["q=Qasim&kind=novel", "querystring.kind.0"],
      ["q=Qasim&entityType=animal", "querystring.entityType"],
      ["q=Qasim&from=1958-13-99x", "querystring.from"],
    ] as const) {
      const response = await get(`/api/search/facets?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<ErrorJson>().error.path, query).toBe(path);
    }
  });
});

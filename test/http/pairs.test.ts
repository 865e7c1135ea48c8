import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SEEDS, useSeededApp, type ErrorJson } from "./helpers.js";

interface Pair {
  a: { id: string; path: string; title?: string };
  b: { id: string; path: string; title?: string };
  relation: string;
  similarity: number;
}

const s = useSeededApp();

const get = (url: string) => s.app.inject({ method: "GET", url });
const name = (path: string) => path.split("/").pop()!;

beforeAll(async () => {
  // Two edited copies of seed 003: each a near-duplicate of it and of the other.
  const original = readFileSync(
    SEEDS.find((p) => name(p).startsWith("003"))!,
    "utf8",
  );
  const copies = ["copy-one.txt", "copy-two.txt"].map((file, i) => {
    const path = join(s.dir, file);
    writeFileSync(path, `${original}\nA note added to copy ${i + 1} by a later archivist.\n`);
    return path;
  });
  await s.annals.add(copies, { workers: 0 });
}, 120_000);

describe("GET /api/documents/pairs", () => {
  it("lists the derived copy with its original and the near-duplicates, most similar first", async () => {
    const response = await get("/api/documents/pairs");
    expect(response.statusCode).toBe(200);
    const pairs = response.json<Pair[]>();
    expect(response.headers["x-total-count"]).toBe(String(pairs.length));
    const derived = pairs.find((p) => p.relation === "derived-from")!;
    expect(name(derived.a.path)).toMatch(/^000/);
    expect(name(derived.b.path)).toMatch(/^001/);
    const copies = pairs.filter((p) => /copy-/.test(name(p.a.path)) || /copy-/.test(name(p.b.path)));
    expect(copies).toHaveLength(3);
    const similarities = pairs.map((p) => p.similarity);
    expect(similarities).toEqual([...similarities].sort((x, y) => y - x));
  });

  it("keeps the pairs where either document's title or file name holds the text", async () => {
    const pairs = (await get("/api/documents/pairs?text=COPY-ONE")).json<Pair[]>();
    expect(pairs).toHaveLength(2);
    for (const p of pairs) expect([name(p.a.path), name(p.b.path)]).toContain("copy-one.txt");
    const byTitle = (await get(`/api/documents/pairs?text=${encodeURIComponent("ar-rashid")}`)).json<Pair[]>();
    expect(byTitle.map((p) => p.relation)).toEqual(["derived-from"]);
    const none = await get("/api/documents/pairs?text=zanzibarquokka");
    expect(none.json<Pair[]>()).toEqual([]);
    expect(none.headers["x-total-count"]).toBe("0");
  });

  it("keeps one relation", async () => {
    const near = (await get("/api/documents/pairs?relation=near-duplicate")).json<Pair[]>();
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((p) => p.relation === "near-duplicate")).toBe(true);
    const derived = (await get("/api/documents/pairs?relation=derived-from")).json<Pair[]>();
    expect(derived.every((p) => p.relation === "derived-from")).toBe(true);
  });

  it("pages with limit and offset: the pages put together are the whole list", async () => {
    const whole = (await get("/api/documents/pairs")).json<Pair[]>();
    const first = await get("/api/documents/pairs?limit=2");
    expect(first.headers["link"]).toMatch(/rel="next"/);
    const second = (await get("/api/documents/pairs?limit=2&offset=2")).json<Pair[]>();
    expect([...first.json<Pair[]>(), ...second]).toEqual(whole.slice(0, 4));
  });
});

describe("GET /api/documents/pairs with bad parameters", () => {
  it("answers 400 for an unknown relation, an empty text, a bad limit or an unknown parameter", async () => {
    for (const [url, path] of [
      ["/api/documents/pairs?relation=copy", "querystring.relation"],
      ["/api/documents/pairs?text=", "querystring.text"],
      ["/api/documents/pairs?limit=0", "querystring.limit"],
      ["/api/documents/pairs?kind=primary", "querystring.kind"],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response.json<ErrorJson>().error.issues!.map((i) => i.path),
        url,
      ).toContain(path);
    }
  });
});

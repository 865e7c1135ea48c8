import { readFileSync, writeFileSync, cpSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, runCliJson, tempDir } from "../helpers/cli.js";

interface Expected {
  search: { query: string; expect_first?: string[]; expect_all?: string[] }[];
  derived: { document: string; from: string }[];
  documents: { document: string; date: string }[];
}
interface Hit {
  document: { id: string; path: string; title: string };
  snippet: string;
  text: string;
  start: number;
  end: number;
}
interface Listing {
  id: string;
  path: string;
  title: string;
  kind: string;
  date?: string;
  derivedFrom?: { id: string; path: string; similarity: number };
}

const expected = JSON.parse(readFileSync(join(ROOT, "test/fixtures/seeds/expected.json"), "utf8")) as Expected;
const seedName = (path: string) => basename(path).slice(0, 3);

describe("annals on the four seed documents, through the CLI's JSON", () => {
  const dir = tempDir();
  const db = join(dir, "seeds.db");
  const seeds = join(dir, "seeds");

  beforeAll(() => {
    cpSync(join(ROOT, "examples/seeds"), seeds, { recursive: true, filter: (p) => !p.endsWith(".md") });
  });

  it("adds 4 documents with no failure", () => {
    const { status, json } = runCliJson<{ added: number; failed: unknown[]; documents: number }>([
      "--db",
      db,
      "add",
      seeds,
    ]);
    expect(status).toBe(0);
    expect(json).toMatchObject({ added: 4, updated: 0, unchanged: 0, failed: [], documents: 4 });
  });

  it("reports every unchanged file as unchanged on a second run, and a changed one as updated", () => {
    const again = runCliJson<{ unchanged: number; added: number }>(["--db", db, "add", seeds]);
    expect(again.json).toMatchObject({ added: 0, updated: 0, unchanged: 4, documents: 4 });
    const file = join(seeds, "003_13c8e684e0ef8877.txt");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original + "\nA sentence added by a later revision about the Presidential Palace.\n");
    const changed = runCliJson<{ updated: number }>(["--db", db, "add", seeds]);
    expect(changed.json).toMatchObject({ added: 0, updated: 1, unchanged: 3, documents: 4 });
    expect(runCliJson<{ hits: Hit[] }>(["--db", db, "search", "later revision"]).json.hits[0]?.document.path).toBe(
      file,
    );
    writeFileSync(file, original);
    expect(runCliJson(["--db", db, "add", seeds]).json).toMatchObject({ updated: 1, documents: 4 });
  });

  for (const entry of expected.search) {
    it(`search ${JSON.stringify(entry.query)} meets expected.json`, () => {
      const { status, json } = runCliJson<{ hits: Hit[] }>(["--db", db, "search", entry.query, "--limit", "50"]);
      expect(status).toBe(0);
      const order: string[] = [];
      for (const hit of json.hits)
        if (!order.includes(seedName(hit.document.path))) order.push(seedName(hit.document.path));
      if (entry.expect_first) expect(order.slice(0, entry.expect_first.length)).toEqual(entry.expect_first);
      if (entry.expect_all) expect(order).toEqual(expect.arrayContaining(entry.expect_all));
      for (const hit of json.hits) expect(hit.snippet).toContain("<mark>");
    });
  }

  it("cites each hit by document offsets that hold the passage text", () => {
    const { json } = runCliJson<{ hits: Hit[] }>(["--db", db, "search", "death train"]);
    const docs = runCliJson<Listing[]>(["--db", db, "documents"]).json;
    expect(json.hits.length).toBeGreaterThan(0);
    for (const hit of json.hits) {
      expect(docs.some((d) => d.id === hit.document.id)).toBe(true);
      expect(hit.end).toBeGreaterThan(hit.start);
      expect(hit.text.length).toBe(hit.end - hit.start);
    }
  });

  it("lists 000 as derived from 001 and dates 002 from its citation block", () => {
    const { json } = runCliJson<Listing[]>(["--db", db, "documents"]);
    const byName = new Map(json.map((d) => [seedName(d.path), d]));
    for (const derived of expected.derived) {
      const copy = byName.get(derived.document);
      expect(copy?.derivedFrom?.id).toBe(byName.get(derived.from)?.id);
      expect(copy?.derivedFrom?.path).toBe(byName.get(derived.from)?.path);
      expect(copy?.derivedFrom?.similarity).toBeGreaterThan(0);
    }
    for (const dated of expected.documents) expect(byName.get(dated.document)?.date).toBe(dated.date);
    for (const d of json) if (seedName(d.path) !== "000") expect(d.derivedFrom).toBeUndefined();
  });

  it("never fails on raw query syntax", () => {
    for (const query of ["ar-Rashid", "Ba'ath", '"death train', "(", "NEAR(a b)", "*", "AND", "col:val", "^"]) {
      const result = runCli(["--db", db, "search", query, "--json"]);
      expect(result.status, `${query}: ${result.stderr}`).toBe(0);
      expect(() => JSON.parse(result.stdout)).not.toThrow();
    }
  });

  it("says how many passages match beside the page it shows", () => {
    const { json } = runCliJson<{ hits: Hit[]; total: number; totalIsLowerBound?: boolean }>([
      "--db",
      db,
      "search",
      "Qasim",
      "--limit",
      "3",
    ]);
    expect(json.hits).toHaveLength(3);
    expect(json.total).toBeGreaterThan(3);
    expect(json).not.toHaveProperty("totalIsLowerBound");
    const all = runCliJson<{ hits: Hit[] }>(["--db", db, "search", "Qasim", "--limit", "1000"]).json.hits;
    expect(json.total).toBe(all.length);
    const text = runCli(["--db", db, "search", "Qasim", "--limit", "3", "--offset", "2"]).stdout;
    expect(text.split("\n")[0]).toBe(`${json.total} passages match; 3–5 shown`);
  });

  it("exits 2 with a reason on usage errors", () => {
    const bad = runCli(["--db", db, "search", "x", "--limit", "zero"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--limit zero/);
    expect(runCli(["--db", db, "frobnicate"]).status).toBe(2);
    expect(runCli(["--db", db, "add"]).status).toBe(2);
  });
});

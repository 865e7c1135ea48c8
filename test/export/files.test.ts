import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Annals } from "../../src/annals.js";
import { CSV_TABLES, exportKnowledgeBase } from "../../src/export/index.js";
import { tempDir } from "../helpers/cli.js";
import { SEEDS } from "../http/helpers.js";

let annals: Annals;
const dir = tempDir("annals-export-");

beforeAll(async () => {
  annals = Annals.open(join(dir, "kb.db"));
  await annals.add(SEEDS, { workers: 0 });
}, 120_000);
afterAll(() => annals.close());

describe("exportKnowledgeBase (annals export)", () => {
  it("writes csv as a folder with one file per table", () => {
    const out = join(dir, "csv");
    const written = exportKnowledgeBase(annals, "csv", out);
    expect(readdirSync(out).sort()).toEqual(CSV_TABLES.map((t) => `${t}.csv`).sort());
    expect(written.sort()).toEqual(CSV_TABLES.map((t) => join(out, `${t}.csv`)).sort());
    const documents = readFileSync(join(out, "documents.csv"), "utf8").trimEnd().split("\r\n");
    expect(documents).toHaveLength(SEEDS.length + 1);
  });

  it("writes any other format as the one file named, creating its folder", () => {
    const out = join(dir, "nested", "network.graphml");
    expect(exportKnowledgeBase(annals, "graphml", out)).toEqual([out]);
    const graphml = readFileSync(out, "utf8");
    expect(graphml.match(/<node /g)).toHaveLength(annals.graph().nodes.length);
  });

  it("writes every part of the knowledge base in json", () => {
    const out = join(dir, "kb.json");
    exportKnowledgeBase(annals, "json", out);
    const kb = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown[]>;
    expect(Object.keys(kb).sort()).toEqual(["disagreements", "documents", "entities", "events", "graph", "timeline"]);
    expect(kb["entities"]).toHaveLength(annals.entities().length);
  });
});

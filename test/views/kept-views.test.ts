import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { tempDir } from "../helpers/cli.js";
import { SEEDS } from "../http/helpers.js";

/** The facade keeps the network and the timeline's axes and facets it computed: they must follow every write. */
describe("the views the facade keeps", () => {
  const db = join(tempDir("annals-kept-"), "kb.db");
  const annals = Annals.open(db);
  afterAll(() => annals.close());

  const read = (kb: Annals) => ({
    graph: kb.graph({ limit: 150, quotes: 0 }),
    years: kb.timeline({}, "year"),
    facets: kb.timelineFacets({}),
  });

  it("are what a fresh facade computes, before and after documents are added", async () => {
    await annals.add(SEEDS.slice(0, 2), { workers: 0 });
    const before = read(annals);
    await annals.add(SEEDS.slice(2), { workers: 0 });
    const after = read(annals);
    const fresh = Annals.open(db);
    try {
      expect(after).toEqual(read(fresh));
    } finally {
      fresh.close();
    }
    expect(after.years.dated + after.years.undated).toBeGreaterThan(before.years.dated + before.years.undated);
    expect(after.graph.totals.edges).toBeGreaterThan(before.graph.totals.edges);
  });

  it("answer the same request the same, whatever the order of its fields", () => {
    expect(annals.graph({ quotes: 0, limit: 150 })).toBe(annals.graph({ limit: 150, quotes: 0 }));
    expect(annals.timeline({ to: "1960", from: "1958" }, "month")).toBe(
      annals.timeline({ from: "1958", to: "1960" }, "month"),
    );
  });
});

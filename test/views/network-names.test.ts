import { afterAll, describe, expect, it } from "vitest";
import type { ActorNetwork } from "../../src/views/graph.js";
import { networkView } from "../../src/views/network.js";
import { openStore } from "../../src/store/index.js";

const actor = (id: string, name: string) => ({ id, name, type: "person" as const, mentions: 1 });
const ACTORS = [
  actor("qasim", "Abd al-Karim Qasim"),
  actor("soleimani", "Qasem Soleimani"),
  actor("said", "Nuri al-Said"),
  actor("nasrallah", "Hassan Nasrallah"),
  actor("sadi", "Ali Salih al-Sa'di"),
  actor("khalil", "Khalil Ibrahim"),
];
const link = (source: string, target: string, claimId: number) => ({
  id: `${source}|co-participant|${target}`,
  source,
  target,
  type: "co-participant",
  evidence: [{ claimId }],
});
const NETWORK: ActorNetwork = {
  nodes: new Map(ACTORS.map((a) => [a.id, a])),
  edges: [
    link("qasim", "said", 1),
    link("soleimani", "nasrallah", 2),
    link("sadi", "said", 3),
    link("khalil", "nasrallah", 4),
  ],
};

describe("the network's name box", () => {
  const store = openStore(":memory:");
  afterAll(() => store.close());
  const shown = (q: string) =>
    networkView(NETWORK, store.knowledge, { q })
      .nodes.map((n) => n.id)
      .sort();

  it("matches a name's words as written before any other spelling", () => {
    expect(shown("Qasim")).toEqual(["qasim", "said"]);
    expect(shown("qasem")).toEqual(["nasrallah", "soleimani"]);
    expect(shown("Karim Qasim")).toEqual(["qasim", "said"]);
    expect(shown("al-Sa'di")).toEqual(["sadi", "said"]);
  });

  it("falls back to transliteration keys when no name holds the words as written", () => {
    expect(shown("Kassem")).toEqual(["nasrallah", "qasim", "said", "soleimani"]);
    expect(shown("al-Sadi")).toEqual(["sadi", "said"]);
  });

  it("matches whole words, not letters inside a word", () => {
    expect(shown("Ali")).toEqual(["sadi", "said"]);
    expect(shown("ali ibrahim")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { entitySummaries, SUMMARY_DOCUMENTS } from "../../src/views/entities.js";
import type { KnowledgeStore } from "../../src/store/knowledge.js";

/** A store holding one entity cited in `documents` documents. */
function storeWith(documents: number): KnowledgeStore {
  const refs = Array.from({ length: documents }, (_, i) => ({ id: `d${i}`, path: `/d${i}.txt`, title: `D${i}` }));
  return {
    entities: () => [
      { id: "p-1", type: "person", name: "Qasim", mentions: documents * 2, key: "ksm", mergeReasons: [] },
    ],
    aliasCounts: () => [{ alias: "Qasim", count: documents * 2 }],
    entityDocuments: () => refs,
  } as unknown as KnowledgeStore;
}

describe("an entity's summary", () => {
  it("counts every document citing it and names only the first few", () => {
    const [many] = entitySummaries(storeWith(SUMMARY_DOCUMENTS + 5));
    expect(many!.documentCount).toBe(SUMMARY_DOCUMENTS + 5);
    expect(many!.documents.map((d) => d.id)).toEqual(Array.from({ length: SUMMARY_DOCUMENTS }, (_, i) => `d${i}`));
    const [few] = entitySummaries(storeWith(2));
    expect([few!.documentCount, few!.documents.length]).toEqual([2, 2]);
  });
});

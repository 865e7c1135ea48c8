import { describe, expect, it } from "vitest";
import type { ClusteredSpan } from "../../src/eval/frus-bcubed.js";
import { alignSpans, bcubed, scoreResolution } from "../../src/eval/frus-bcubed.js";

const span = (document: string, start: number, end: number, cluster: string): ClusteredSpan => ({
  document,
  start,
  end,
  cluster,
});

describe("B-cubed", () => {
  it("scores a hand-worked partition", () => {
    // Items 1–3 are a, 4–5 are b; the system groups {1,2} and {3,4,5}.
    // Precision per item: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1; both average to 11/15.
    const scores = bcubed(["a", "a", "a", "b", "b"], ["x", "x", "y", "y", "y"]);
    expect(scores.precision).toBeCloseTo(11 / 15);
    expect(scores.recall).toBeCloseTo(11 / 15);
    expect(scores.f1).toBeCloseTo(11 / 15);
  });

  it("gives 1 to the gold partition and full precision to all singletons", () => {
    expect(bcubed(["a", "a", "b"], ["p", "p", "q"])).toEqual({ precision: 1, recall: 1, f1: 1 });
    const singletons = bcubed(["a", "a", "b"], ["1", "2", "3"]);
    expect(singletons.precision).toBe(1);
    expect(singletons.recall).toBeCloseTo(2 / 3);
  });
});

describe("alignment by overlap", () => {
  it("takes the system span of the same document that overlaps a gold span most", () => {
    const gold = [span("d1", 0, 23, "p_Q"), span("d1", 30, 34, "p_N"), span("d2", 0, 4, "p_N")];
    const system = [span("d1", 0, 4, "Brig"), span("d1", 5, 23, "Abdul Karim Qassim"), span("d2", 10, 14, "Nuri")];
    expect(alignSpans(gold, system).map((s) => s?.cluster)).toEqual(["Abdul Karim Qassim", undefined, undefined]);
  });

  it("makes an unmatched gold span a singleton and counts system spans outside the gold as spurious", () => {
    const gold = [span("d1", 0, 4, "a"), span("d1", 10, 14, "a"), span("d1", 20, 24, "b")];
    const untagged = span("d1", 40, 44, "");
    const system = [span("d1", 0, 4, "x"), span("d1", 20, 24, "x"), span("d1", 40, 44, "y"), span("d1", 50, 54, "z")];
    const scores = scoreResolution(gold, [...gold, untagged], system);
    expect(scores.assigned).toEqual(["x", "unmatched", "x"]);
    expect(scores.bcubed.precision).toBeCloseTo((1 / 2 + 1 + 1 / 2) / 3);
    expect(scores.bcubed.recall).toBeCloseTo((1 / 2 + 1 / 2 + 1) / 3);
    expect(scores.spurious.map((s) => s.cluster)).toEqual(["z"]);
    expect(scores.detection.precision).toBeCloseTo(3 / 4);
    expect(scores.detection.recall).toBeCloseTo(3 / 4);
  });
});

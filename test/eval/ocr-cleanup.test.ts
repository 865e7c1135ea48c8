import { describe, expect, it } from "vitest";
import { scoreCleanup } from "../../src/eval/ocr-cleanup.js";

const TEXT = [
  "TOP SECRET",
  "The attack came early yesterday morn-",
  "ing against a camp. A center-",
  "left coalition is planned.",
  "For The President Only - Top Secret",
].join("\n");

describe("OCR clean-up score", () => {
  it("counts a rejoined broken word right and a kept compound hyphen that was rejoined wrong", () => {
    const score = scoreCleanup("brief.md", TEXT, { keep: [3], none: [], furniture: [1] });
    expect(score.hyphens).toBe(2);
    expect(score.hyphensRight).toBe(1);
    expect(score.joinRecall).toBe(1);
    expect(score.joinPrecision).toBe(0.5);
    expect(score.misses).toEqual([expect.stringMatching(/^line 3 ".*center-": join, read as keep$/)]);
  });

  it("scores furniture per line: a stamp found, a line it did not find, a line it took wrongly", () => {
    expect(scoreCleanup("brief.md", TEXT, { keep: [3], none: [], furniture: [1] })).toMatchObject({
      furniturePrecision: 1,
      furnitureRecall: 1,
    });
    const wrong = scoreCleanup("brief.md", TEXT, { keep: [3], none: [], furniture: [5] });
    expect(wrong).toMatchObject({ furniturePrecision: 0, furnitureRecall: 0 });
    expect(wrong.misses).toEqual(
      expect.arrayContaining(["line 5: furniture not found", "line 1: taken for furniture"]),
    );
  });
});

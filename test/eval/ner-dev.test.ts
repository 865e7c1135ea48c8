import { describe, expect, it } from "vitest";
import type { EntitySpan } from "../../src/annotate/mentions/model/tags.js";
import { devSplit, errorClasses } from "../../src/eval/ner-dev.js";

const span = (startToken: number, endToken: number, type: EntitySpan["type"]): EntitySpan => ({
  startToken,
  endToken,
  type,
});

describe("errorClasses", () => {
  it("tells boundary, type, both and missed errors apart, and counts predictions overlapping no gold span", () => {
    const gold = [span(0, 2, "ORG"), span(3, 4, "PER"), span(5, 7, "LOC"), span(8, 9, "LOC"), span(10, 11, "PER")];
    const predicted = [
      span(0, 3, "ORG"),
      span(3, 4, "LOC"),
      span(5, 6, "PER"),
      span(10, 11, "PER"),
      span(12, 13, "ORG"),
    ];
    expect(errorClasses(gold, predicted)).toEqual([
      { error: "boundary", type: "ORG" },
      { error: "type", type: "PER" },
      { error: "boundary and type", type: "LOC" },
      { error: "missed", type: "LOC" },
      { error: "spurious", type: "ORG" },
    ]);
  });
});

describe("devSplit", () => {
  it("takes the dev part from the training split only, whole documents where there are documents", () => {
    const sentence = (document?: number) => ({
      tokens: ["x"],
      tags: ["O" as const],
      ...(document === undefined ? {} : { document }),
    });
    const dataset = {
      name: "d",
      split: "",
      train: [sentence(0), sentence(0), sentence(1), sentence(5)],
      heldOut: [sentence(4)],
    };
    const split = devSplit(dataset);
    expect(split.heldOut.map((s) => s.document)).toEqual([0, 0, 5]);
    expect(split.train.map((s) => s.document)).toEqual([1]);
  });
});

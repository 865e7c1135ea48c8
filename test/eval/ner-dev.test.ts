import { describe, expect, it } from "vitest";
import type { EntitySpan } from "../../src/annotate/mentions/model/tags.js";
import { devSplit, errorClasses, parseDevArgs } from "../../src/eval/ner-dev.js";

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
      { error: "boundary", type: "ORG", span: gold[0], predicted: [predicted[0]] },
      { error: "type", type: "PER", span: gold[1], predicted: [predicted[1]] },
      { error: "boundary and type", type: "LOC", span: gold[2], predicted: [predicted[2]] },
      { error: "missed", type: "LOC", span: gold[3], predicted: [] },
      { error: "spurious", type: "ORG", span: predicted[4], predicted: [] },
    ]);
  });
});

describe("parseDevArgs", () => {
  it("takes --examples and its type out of the training flags", () => {
    expect(parseDevArgs(["--seed", "7", "--examples", "ORG", "--epochs", "3"])).toEqual({
      examplesOf: "ORG",
      trainingArgs: ["--seed", "7", "--epochs", "3"],
    });
    expect(parseDevArgs(["--seed", "7"])).toEqual({ trainingArgs: ["--seed", "7"] });
  });

  it("refuses a type that is not PER, ORG or LOC", () => {
    expect(() => parseDevArgs(["--examples", "MISC"])).toThrow(/--examples: one of PER, ORG, LOC/);
    expect(() => parseDevArgs(["--examples"])).toThrow(/--examples/);
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

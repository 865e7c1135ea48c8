import { describe, expect, it } from "vitest";
import { compromiseSpans } from "../../src/eval/compromise-baseline.js";
import { detokenize, tokensInRange } from "../../src/eval/detokenize.js";
import { SpanScorer, score } from "../../src/eval/ner-score.js";

describe("SpanScorer", () => {
  it("counts exact spans per type and micro-averages", () => {
    const scorer = new SpanScorer();
    scorer.add(
      [
        { startToken: 0, endToken: 2, type: "PER" },
        { startToken: 4, endToken: 5, type: "LOC" },
        { startToken: 6, endToken: 8, type: "ORG" },
      ],
      [
        { startToken: 0, endToken: 2, type: "PER" }, // right
        { startToken: 4, endToken: 5, type: "ORG" }, // wrong type
        { startToken: 6, endToken: 7, type: "ORG" }, // wrong boundary
      ],
    );
    const table = scorer.scores();
    expect(table.PER).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(table.ORG).toMatchObject({ truePositives: 0, predicted: 2, gold: 1, f1: 0 });
    expect(table.LOC).toMatchObject({ predicted: 0, gold: 1, precision: 0, recall: 0 });
    expect(table.micro.precision).toBeCloseTo(1 / 3);
    expect(table.micro.recall).toBeCloseTo(1 / 3);
    expect(table.micro.f1).toBeCloseTo(1 / 3);
  });

  it("computes F1 as the harmonic mean", () => {
    expect(score({ truePositives: 3, predicted: 4, gold: 6 })).toMatchObject({ precision: 0.75, recall: 0.5, f1: 0.6 });
  });
});

describe("detokenize", () => {
  it("rebuilds text and keeps each token's offsets", () => {
    const tokens = ["Iraq", "'", "s", "army", "(", "al", "-", "Jaysh", ")", "said", ":", '"', "no", '"', "."];
    const { text, starts, ends } = detokenize(tokens);
    expect(text).toBe(`Iraq's army (al-Jaysh) said: "no".`);
    tokens.forEach((token, i) => expect(text.slice(starts[i], ends[i])).toBe(token));
    expect(tokensInRange({ text, starts, ends }, 13, 21)).toEqual([5, 8]);
  });
});

describe("compromise baseline", () => {
  it("maps compromise's matches back to tokens, without trailing punctuation", () => {
    const tokens = "Nasser flew to Baghdad .".split(" ");
    expect(compromiseSpans(tokens)).toContainEqual({ startToken: 3, endToken: 4, type: "LOC" });
  });
});

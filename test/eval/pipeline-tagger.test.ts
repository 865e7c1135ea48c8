import { describe, expect, it } from "vitest";
import { pipelineSpans } from "../../src/eval/pipeline-tagger.js";

describe("the pipeline as a CoNLL tagger", () => {
  it("maps mentions back to tokens, leaving a title out of a person's span", () => {
    const sentences = [
      "President Arif met Abd al - Karim Qasim in Baghdad .".split(" "),
      "The Iraqi Communist Party ( ICP ) objected .".split(" "),
    ];
    const [first, second] = pipelineSpans(sentences);
    expect(first).toEqual(
      expect.arrayContaining([
        { startToken: 1, endToken: 2, type: "PER" },
        { startToken: 3, endToken: 8, type: "PER" },
        { startToken: 9, endToken: 10, type: "LOC" },
      ]),
    );
    expect(second).toEqual(
      expect.arrayContaining([
        { startToken: 1, endToken: 4, type: "ORG" },
        { startToken: 5, endToken: 6, type: "ORG" },
      ]),
    );
  });
});

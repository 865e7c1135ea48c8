import { describe, expect, it } from "vitest";
import { winkSegmenter } from "../../src/segment/wink.js";

describe("wink segmenter (the extractors')", () => {
  it("keeps a word with letters beyond Latin-1 whole, and its clitic and punctuation apart", () => {
    const text = "Erdoğan's men reached Şanlıurfa and Łódź. They can't.";
    const { tokens, sentences } = winkSegmenter.segmentSpan(text, { start: 0, end: text.length });
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(
      "Erdoğan 's men reached Şanlıurfa and Łódź . They ca n't .".split(" "),
    );
    expect(tokens[0]!.lemma).toBe("erdoğan");
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      "Erdoğan's men reached Şanlıurfa and Łódź.",
      "They can't.",
    ]);
  });

  it("splits a possessive the same way whatever it read before", () => {
    const words = (text: string) =>
      winkSegmenter.segmentSpan(text, { start: 0, end: text.length }).tokens.map((t) => text.slice(t.start, t.end));
    const sentence = "Protesters burned the Zarqawi Front's office near the Iraqis' camp.";
    const before = words(sentence);
    // wink-nlp keeps "Front's" whole before a comma, remembers the word, and then stops splitting it anywhere.
    words("It was the Front's, not the Iraqis', and the Front's.");
    expect(words(sentence)).toEqual(before);
    expect(before).toEqual("Protesters burned the Zarqawi Front 's office near the Iraqis ' camp .".split(" "));
  });
});

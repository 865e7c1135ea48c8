import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { indexSegmenter, linguisticSegmenter } from "../../src/segment/index.js";

const segment = (text: string) => indexSegmenter.segmentSpan(text, { start: 0, end: text.length });
const values = (text: string) => segment(text).tokens.map((t) => text.slice(t.start, t.end));
const sentences = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe("rule segmenter (the index's)", () => {
  it("splits hyphens and English clitics, keeps apostrophes inside names", () => {
    expect(values("Qasim's men didn't see al-Rashid, Ba'ath or Sa‘di.")).toEqual(
      "Qasim 's men did n't see al - Rashid , Ba'ath or Sa‘di .".split(" "),
    );
  });

  it("keeps a URL whole and the stop of a title or an initial with its word", () => {
    expect(values("Gen. J. Smith, see https://example.org/a?b=1 now")).toEqual(
      "Gen. J. Smith , see https://example.org/a?b=1 now".split(" "),
    );
  });

  it("gives the lemmas and stop words of wink-nlp's lexicon", () => {
    const tokens = segment("The officers were executed");
    expect(tokens.tokens.map((t) => t.lemma)).toEqual(["the", "officer", "be", "executed"]);
    expect(tokens.tokens.map((t) => t.stop)).toEqual([true, false, true, false]);
    expect(tokens.tokens.map((t) => t.lemma)).toEqual(
      linguisticSegmenter.segmentSpan("The officers were executed", { start: 0, end: 26 }).tokens.map((t) => t.lemma),
    );
  });

  it("marks punctuation and symbols, not numbers", () => {
    const text = "In 1958, 5% (of them) — ok";
    expect(
      segment(text)
        .tokens.filter((t) => t.punctuation)
        .map((t) => text.slice(t.start, t.end)),
    ).toEqual([",", "%", "(", ")", "—"]);
  });

  it("ends sentences before a capital, a digit or an opener, not after a title or inside a number", () => {
    expect(sentences('Mr. Smith met Gen. Aref on 4.5 km of road. He left! "Why?" she asked. 1959 came')).toEqual([
      "Mr. Smith met Gen. Aref on 4.5 km of road.",
      "He left!",
      '"Why?" she asked.',
      "1959 came",
    ]);
    expect(sentences("no capitals here. none at all")).toEqual(["no capitals here. none at all"]);
  });

  it("segments only inside the span it is given", () => {
    const text = "Before. Inside words here. After";
    const span = { start: 8, end: 26 };
    const result = indexSegmenter.segmentSpan(text, span);
    expect(result.tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Inside", "words", "here", "."]);
    expect(result.sentences).toEqual([span]);
  });

  it("covers every non-space character exactly once, in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const tokens = segment(text).tokens;
        let covered = "";
        let last = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          covered += text.slice(last, t.start).replace(/\s/gu, "") === "" ? text.slice(t.start, t.end) : "!gap";
          last = t.end;
        }
        expect(covered).toBe(text.slice(0, last).replace(/\s/gu, ""));
        expect(text.slice(last).trim()).toBe("");
      }),
    );
  });
});

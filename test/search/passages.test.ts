import { describe, expect, it } from "vitest";
import { tokenTerm } from "../../src/search/index-terms.js";
import { buildPassages, MAX_PASSAGE_CHARS, MAX_UNIT_TOKENS } from "../../src/search/passages.js";
import { indexSegmenter, segmentParagraphs } from "../../src/segment/index.js";
import { makeDocument, seedDocuments, wikiSections } from "../store/make-document.js";

const seeds = new Map(seedDocuments().map((d) => [d.id, d]));

describe("buildPassages", () => {
  it("covers the text with passages whose text is the document's text at their offsets", () => {
    for (const doc of seeds.values()) {
      const passages = buildPassages(doc);
      expect(passages.length).toBeGreaterThan(0);
      let previousEnd = 0;
      for (const p of passages) {
        expect(p.text).toBe(doc.text.slice(p.start, p.end));
        expect(p.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = p.end;
      }
    }
  });

  it("cuts prose into passages of about 300-1200 characters ending at sentence ends", () => {
    const doc = seeds.get("002")!;
    const passages = buildPassages(doc);
    const sentenceEnds = new Set([...segmentParagraphs(doc.text)].flatMap((p) => p.sentences.map((s) => s.end)));
    for (const p of passages) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.end - p.start).toBeGreaterThanOrEqual(300);
      expect(sentenceEnds.has(p.end)).toBe(true);
    }
  });

  it("cuts a text without sentence punctuation (seed 000) at token boundaries", () => {
    const doc = seeds.get("000")!;
    const passages = buildPassages(doc);
    expect(passages.length).toBeGreaterThanOrEqual(4);
    for (const p of passages) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.terms.split(" ").length).toBeLessThanOrEqual(MAX_UNIT_TOKENS);
      expect(/\s/.test(doc.text[p.start - 1] ?? " ")).toBe(true);
      expect(/\s/.test(doc.text[p.end] ?? " ")).toBe(true);
    }
  });

  it("never crosses a section boundary and names the enclosing section", () => {
    const doc = seeds.get("001")!;
    const passages = buildPassages(doc);
    for (const section of doc.sections) {
      for (const p of passages) expect(p.start < section.start && p.end > section.start).toBe(false);
    }
    const deathTrain = passages.find((p) => p.text.includes("nicknamed the 'Death Train'"))!;
    expect(deathTrain.section).toBe("Death train and aftermath");
    expect(passages[0]!.section).toBeUndefined();
  });

  it("names the innermost of nested sections", () => {
    const text = "== A ==\nOne sentence here.\n\n=== B ===\nAnother sentence there.\n";
    const sections = wikiSections(text);
    const outer = { ...sections[0]!, end: text.length };
    const passages = buildPassages(makeDocument("n", text, { sections: [outer, sections[1]!] }));
    expect(passages.map((p) => p.section)).toEqual(["A", "B"]);
  });

  it("indexes folded lemmas in terms and transliteration keys of non-stop words in keys", () => {
    const doc = makeDocument("t", "The officers of the Ba'ath were executed by Qasim's men.");
    const [passage] = buildPassages(doc);
    expect(passage!.terms.split(" ")).toEqual([
      "the",
      "officer",
      "of",
      "the",
      "baath",
      "be",
      "executed",
      "by",
      "qasim",
      "man",
    ]);
    expect(passage!.keys.split(" ")).toContain("ksm");
    expect(passage!.keys.split(" ")).not.toContain("th");
  });

  it("leaves out tokens longer than 64 characters", () => {
    const long = "x".repeat(65);
    const [passage] = buildPassages(makeDocument("l", `before ${long} after`));
    expect(passage!.terms).toBe("before after");
  });

  it("indexes every word of the text exactly once", () => {
    for (const doc of seeds.values()) {
      const indexable = [...segmentParagraphs(doc.text, undefined, indexSegmenter)]
        .flatMap((p) => p.tokens)
        .filter((t) => tokenTerm(t) !== "");
      const indexed = buildPassages(doc).flatMap((p) => p.terms.split(" "));
      expect(indexed).toEqual(indexable.map(tokenTerm));
    }
  });

  it("gives the same passages from paragraphs segmented beforehand", () => {
    const doc = seeds.get("003")!;
    expect(buildPassages(doc, [...segmentParagraphs(doc.text, undefined, indexSegmenter)])).toEqual(buildPassages(doc));
  });

  it("cuts a run-on sentence longer than a passage", () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" , ") + ".";
    const passages = buildPassages(makeDocument("r", text));
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expect(indexSegmenter.segmentSpan(text, { start: 0, end: text.length }).sentences.length).toBe(1);
  });

  it("gives no passage for an empty text", () => {
    expect(buildPassages(makeDocument("e", ""))).toEqual([]);
    expect(buildPassages(makeDocument("w", "  \n\n  "))).toEqual([]);
  });
});

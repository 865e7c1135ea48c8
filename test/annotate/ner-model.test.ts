import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { NerModel } from "../../src/annotate/mentions/model/index.js";
import { entitySpans, loadNerModel, tagSentence } from "../../src/annotate/mentions/model/index.js";
import { readModel, saveModel } from "../../src/annotate/mentions/model/model-file.js";
import { trainNerModel } from "../../src/annotate/mentions/model/train.js";
import type { NerDataset, NerSentence } from "../../src/annotate/mentions/model/training-data.js";
import type { Tag } from "../../src/annotate/mentions/model/tags.js";

/** "Qasim/B-PER met/O ..." → a sentence. */
function sentence(text: string): NerSentence {
  const pairs = text.split(" ").map((pair) => pair.split("/") as [string, Tag]);
  return { tokens: pairs.map(([token]) => token), tags: pairs.map(([, tag]) => tag) };
}

const SYNTHETIC = [
  "Qasim/B-PER met/O Arif/B-PER in/O Baghdad/B-LOC ./O",
  "The/O Ba'ath/B-ORG Party/I-ORG met/O in/O Damascus/B-LOC ./O",
  "General/O Abd/B-PER al-Karim/I-PER Qasim/I-PER led/O the/O Iraqi/B-ORG Army/I-ORG ./O",
  "Arif/B-PER left/O Baghdad/B-LOC for/O Cairo/B-LOC ./O",
  "The/O National/B-ORG Guard/I-ORG arrested/O Ali/B-PER Salih/I-PER al-Sa'di/I-PER ./O",
  "Nasser/B-PER spoke/O on/O Radio/B-ORG Cairo/I-ORG ./O",
].map(sentence);

const dataset = (train: NerSentence[]): NerDataset => ({ name: "synthetic", split: "none", train, heldOut: [] });
const train = (decoder: "viterbi" | "greedy"): NerModel =>
  trainNerModel([dataset(SYNTHETIC)], { epochs: 20, decoder, bits: 14, seed: 7, caseCopies: 0 });

describe("NER perceptron", () => {
  const directory = mkdtempSync(join(tmpdir(), "annals-ner-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each(["viterbi", "greedy"] as const)("learns a tiny corpus perfectly (%s)", (decoder) => {
    const model = train(decoder);
    for (const s of SYNTHETIC) expect(tagSentence(model, s.tokens, { nameParticles: false })).toEqual(s.tags);
  });

  it("tags the same after saving and loading, plain and gzipped", () => {
    const model = train("viterbi");
    for (const file of ["model.json", "model.json.gz"]) {
      const path = join(directory, file);
      saveModel(path, model, { minScaled: 0 });
      const loaded = readModel(path);
      expect(loaded.training).toEqual(model.training);
      for (const s of SYNTHETIC) expect(tagSentence(loaded, s.tokens)).toEqual(tagSentence(model, s.tokens));
    }
  });

  it("is deterministic", () => {
    const a = train("viterbi").weights.emissions;
    const b = train("viterbi").weights.emissions;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });

  it("returns no tags for no tokens", () => {
    expect(tagSentence(train("greedy"), [])).toEqual([]);
  });
});

describe("the shipped model", () => {
  it("finds the people and the place in a sentence about 1963", () => {
    const tokens = "Abd al-Karim Qasim met President Arif in Baghdad .".split(" ");
    const spans = entitySpans(tokens, tagSentence(loadNerModel(), tokens));
    const found = spans.map((s) => `${s.type}:${tokens.slice(s.startToken, s.endToken).join(" ")}`);
    expect(found).toEqual(["PER:Abd al-Karim Qasim", "PER:Arif", "LOC:Baghdad"]);
  });

  it("keeps Arabic name particles inside the name when they are split off", () => {
    const tokens = "Ali Salih al - Sa'di was arrested in Damascus .".split(" ");
    const spans = entitySpans(tokens, tagSentence(loadNerModel(), tokens));
    expect(spans).toContainEqual({ startToken: 0, endToken: 5, type: "PER" });
  });

  it("tags the same from its per-word score cache as from every feature decoded afresh", () => {
    const text = readFileSync(join(import.meta.dirname, "../fixtures/seeds/001_a1811954c3257b7d.txt"), "utf8");
    const sentences = text
      .split(/(?<=[.!?])\s+/)
      .map((line) => line.match(/[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu) ?? [])
      .filter((tokens) => tokens.length > 0);
    const model = loadNerModel();
    // A caller's gazetteer that knows no word takes the uncached path with the same word lists.
    const afresh = (tokens: string[]) => tagSentence(model, tokens, { gazetteer: () => undefined });
    expect(sentences.length).toBeGreaterThan(20);
    for (const tokens of sentences) expect(tagSentence(model, tokens)).toEqual(afresh(tokens));
    expect(sentences.some((tokens) => tagSentence(model, tokens).some((tag) => tag !== "O"))).toBe(true);
  });
});

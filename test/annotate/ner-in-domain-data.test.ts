import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConll } from "../../scripts/in-domain/conll-check.js";

const DIR = "data/ner/in-domain";
const files = readdirSync(DIR).filter((file) => file.endsWith(".conll"));

describe("checkConll", () => {
  it("counts documents, sentences and names of a well-formed file", () => {
    const text = "# doc: a.md\nQasim\tB-PER\nruled\tO\nIraq\tB-LOC\n\nBa'ath\tB-ORG\nParty\tI-ORG\n\n";
    expect(checkConll(text)).toEqual({ documents: ["a.md"], sentences: 2, tokens: 5, PER: 1, ORG: 1, LOC: 1 });
  });
  it("rejects an I- tag that does not continue a name of its type", () => {
    expect(() => checkConll("# doc: a.md\nQasim\tB-PER\nIraq\tI-LOC\n\n")).toThrow(
      "line 3: I-LOC does not continue B-PER",
    );
    expect(() => checkConll("# doc: a.md\nthe\tO\nArmy\tI-ORG\n\n")).toThrow("line 3");
  });
  it("rejects a missing tab, an unknown tag, a token before any document and a missing final blank line", () => {
    expect(() => checkConll("# doc: a.md\nQasim B-PER\n\n")).toThrow("line 2: expected token<TAB>tag");
    expect(() => checkConll("# doc: a.md\nQasim\tB-MISC\n\n")).toThrow('unknown tag "B-MISC"');
    expect(() => checkConll("Qasim\tB-PER\n\n")).toThrow('before the first "# doc:"');
    expect(() => checkConll("# doc: a.md\nQasim\tB-PER\n")).toThrow("no blank line");
  });
});

describe.each(files)("in-domain data %s", (file) => {
  it("is well-formed and holds names of every type", () => {
    const counts = checkConll(readFileSync(join(DIR, file), "utf8"));
    expect(counts.sentences).toBeGreaterThan(0);
    expect(Math.min(counts.PER, counts.ORG, counts.LOC)).toBeGreaterThan(0);
  });
});

describe("in-domain held-out splits", () => {
  it("share no document with any training file", () => {
    const documentsOf = (suffix: string): string[] =>
      files
        .filter((file) => file.endsWith(suffix))
        .flatMap((file) => checkConll(readFileSync(join(DIR, file), "utf8")).documents);
    const training = new Set(documentsOf(".train.conll"));
    const heldout = documentsOf(".heldout.conll");
    expect(heldout.length).toBeGreaterThan(0);
    expect(heldout.filter((doc) => training.has(doc))).toEqual([]);
  });
});

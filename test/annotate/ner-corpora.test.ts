import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toGuideTags } from "../../src/annotate/mentions/model/guide-mapping.js";
import { parseInDomain } from "../../src/annotate/mentions/model/in-domain.js";
import { caseAblatedCopies } from "../../src/annotate/mentions/model/train.js";
import { loadInDomain } from "../../src/annotate/mentions/model/training-data.js";

/** "the/B-ORG United/I-ORG" → guide tags of those tokens. */
function mapped(text: string): string {
  const pairs = text.split(" ").map((pair) => pair.split("/") as [string, string]);
  const tokens = pairs.map(([token]) => token);
  return toGuideTags(
    tokens,
    pairs.map(([, tag]) => tag),
  ).join(" ");
}

// Lines shortened from the corpora in data/ner (sources and licences in each folder's SOURCE.md).
describe("mapping the BIO corpora to the annotation guide", () => {
  it("CrossNER politics: keeps parties, drops a leading determiner", () => {
    expect(mapped("the/O ruling/O United/B-ORG Russia/I-ORG")).toBe("O O B-ORG I-ORG");
    expect(mapped("the/B-ORG Liberal/I-ORG Democratic/I-ORG Party/I-ORG")).toBe("O B-ORG I-ORG I-ORG");
  });

  it("UNER PUD and EWT: titles go outside persons, lower-cased names stay", () => {
    expect(mapped("special/O assistant/O Kori/B-PER Schulman/I-PER")).toBe("O O B-PER I-PER");
    expect(mapped("President/B-PER Obama/I-PER said/O")).toBe("O B-PER O");
    expect(mapped("in/O tampa/B-LOC bay/I-LOC")).toBe("O B-LOC I-LOC");
    expect(mapped("Shaikh/B-PER Hasina/I-PER")).toBe("O B-PER");
  });

  it("GUM and WikiGold-style tags: MISC and OTH become O, IO becomes BIO", () => {
    expect(mapped("Spanish/B-MISC Art/I-MISC in/O Madrid/I-LOC Spain/I-LOC")).toBe("O O O B-LOC I-LOC");
    expect(mapped("Ali/I-PER Salih/I-PER met/O Hazim/B-OTH")).toBe("B-PER I-PER O O");
  });

  it("BTC: a nationality word is no name, a name that looks like one is kept", () => {
    expect(mapped("Iraqi/B-ORG officials/O")).toBe("O O");
    expect(mapped("the/O Syrians/B-PER")).toBe("O O");
    expect(mapped("Iraqi/B-ORG Army/I-ORG")).toBe("B-ORG I-ORG");
    expect(mapped("The/B-ORG Australian/I-ORG reported/O")).toBe("O B-ORG O");
    expect(mapped("Ali/B-PER and/O Iran/B-LOC")).toBe("B-PER O B-LOC");
  });

  it("GUM, PUD: a country acting as a team or a government is a place, a body named after one stays", () => {
    expect(mapped("Sweden/B-ORG defeated/O South/B-ORG Korea/I-ORG")).toBe("B-LOC O B-LOC I-LOC");
    expect(mapped("the/O Republic/B-ORG of/I-ORG China/I-ORG")).toBe("O B-LOC I-LOC I-LOC");
    expect(mapped("Islamic/B-ORG State/I-ORG of/I-ORG Iraq/I-ORG")).toBe("B-ORG I-ORG I-ORG I-ORG");
    expect(mapped("Yes/B-ORG Scotland/I-ORG")).toBe("B-ORG I-ORG");
  });

  it("drops a span that is a determiner or punctuation only", () => {
    expect(mapped("The/B-ORG said/O")).toBe("O O");
    expect(mapped("via/O @/B-PER colgo/B-PER")).toBe("O O B-PER");
  });
});

describe("in-domain files", () => {
  it("reads tokens, tags and documents, and reports a bad line with its file and line", () => {
    const text = "# doc: frus/d1.xml\nQasim\tB-PER\nspoke\tO\n\n# doc: cia/2.txt\nIN\tO\nCAIRO\tB-LOC\nbad line\n";
    const parsed = parseInDomain(text, "x.train.conll");
    expect(parsed.documents).toEqual(["frus/d1.xml", "cia/2.txt"]);
    expect(parsed.sentences).toEqual([
      { tokens: ["Qasim", "spoke"], tags: ["B-PER", "O"], document: 0 },
      { tokens: ["IN", "CAIRO"], tags: ["O", "B-LOC"], document: 1 },
    ]);
    expect(parsed.problems).toEqual([expect.stringMatching(/^x\.train\.conll:8: expected "token<TAB>tag"/)]);
  });

  it("trains on *.train.conll and holds out *.heldout.conll", () => {
    const dataset = loadInDomain(join(import.meta.dirname, "../fixtures/ner-root"))!;
    expect(dataset.train.map((s) => s.tokens.join(" "))).toEqual([
      "Qasim left Baghdad .",
      "The Baath Party agreed",
      "GENERAL ARIF IN CAIRO",
    ]);
    expect(dataset.train[2]!.tags).toEqual(["O", "B-PER", "O", "B-LOC"]);
    expect(dataset.heldOut).toHaveLength(1);
    expect(dataset.heldOut[0]!.tags).toEqual(["O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC"]);
    const [first, second, third] = dataset.train.map((s) => s.document);
    expect(first).toBe(second);
    expect(third).not.toBe(first);
    expect([first, third]).not.toContain(dataset.heldOut[0]!.document);
    expect(dataset.problems).toHaveLength(1);
  });

  it("is absent when the folder holds no files", () => {
    expect(loadInDomain(join(import.meta.dirname, "../fixtures/formats"))).toBeUndefined();
  });
});

describe("case-ablated training copies", () => {
  const sentences = Array.from({ length: 200 }, (_, i) => ({
    tokens: ["Qasim", "left", `Baghdad${i}`],
    tags: ["B-PER", "O", "B-LOC"] as const,
  })).map((s) => ({ ...s, tags: [...s.tags] }));

  it("adds upper- and lower-cased copies of about the share asked, with the same tags", () => {
    const copies = caseAblatedCopies(sentences, 0.2, 1);
    const upper = copies.filter((c) => c.tokens[0] === "QASIM");
    const lower = copies.filter((c) => c.tokens[0] === "qasim");
    expect(upper.length + lower.length).toBe(copies.length);
    for (const part of [upper, lower]) expect(part.length).toBeGreaterThan(20);
    for (const part of [upper, lower]) expect(part.length).toBeLessThan(60);
    for (const copy of copies) expect(copy.tags).toEqual(["B-PER", "O", "B-LOC"]);
  });

  it("adds none at share 0", () => {
    expect(caseAblatedCopies(sentences, 0, 1)).toEqual([]);
  });
});

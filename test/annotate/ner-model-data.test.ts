import { describe, expect, it } from "vitest";
import { CASE_LOWER, CASE_MIXED, CASE_UPPER, caseMode } from "../../src/annotate/mentions/model/features.js";
import { parseConll } from "../../src/annotate/mentions/model/conll.js";
import { propagateNames } from "../../src/annotate/mentions/model/document.js";
import { extendOverNameParticles } from "../../src/annotate/mentions/model/name-particles.js";
import { packageRoot } from "../../src/annotate/mentions/model/package-root.js";
import { phraseMatcher, readPeriodGazetteer } from "../../src/annotate/mentions/model/period-gazetteer.js";
import { re3dToNerTags } from "../../src/annotate/mentions/model/re3d-mapping.js";
import {
  MODEL_TAGS,
  allowedLast,
  allowedTransition,
  entitySpans,
  toGuideTagNames,
  toModelTags,
} from "../../src/annotate/mentions/model/tags.js";
import { wikigoldToNerTags } from "../../src/annotate/mentions/model/training-data.js";

describe("parseConll", () => {
  it("reads WikiGold's space-separated documents", () => {
    const text = "-DOCSTART- O\n\nQasim I-PER\nruled O\n\nIraq I-LOC\n. O\n\n-DOCSTART- O\n\nNasser I-PER\n";
    const documents = parseConll(text);
    expect(documents).toHaveLength(2);
    expect(documents[0]!.sentences).toEqual([
      { tokens: ["Qasim", "ruled"], tags: ["I-PER", "O"] },
      { tokens: ["Iraq", "."], tags: ["I-LOC", "O"] },
    ]);
    expect(documents[1]).toEqual({ index: 1, sentences: [{ tokens: ["Nasser"], tags: ["I-PER"] }] });
  });

  it("reads re3d's tab-separated sentences as one document", () => {
    const text = "Coalition\tB-Organisation\nforces\tI-Organisation\r\n\nMosul\tB-Location\n";
    expect(parseConll(text)).toEqual([
      {
        index: 0,
        sentences: [
          { tokens: ["Coalition", "forces"], tags: ["B-Organisation", "I-Organisation"] },
          { tokens: ["Mosul"], tags: ["B-Location"] },
        ],
      },
    ]);
  });
});

describe("BILOU model tags", () => {
  const named = (tags: readonly string[]): string[] => Array.from(toModelTags(tags), (i) => MODEL_TAGS[i]!);

  it("marks the last token of a longer entity and a one-token entity apart", () => {
    expect(named(["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "B-PER", "I-LOC"])).toEqual([
      "B-ORG",
      "I-ORG",
      "L-ORG",
      "O",
      "U-PER",
      "U-PER",
      "U-LOC",
    ]);
  });

  it("gives back the BIO tags it was made from", () => {
    const bio = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG"];
    expect(toGuideTagNames(toModelTags(bio))).toEqual(bio);
  });

  it("lets an entity end only on its own L tag, and a sentence end only outside an entity", () => {
    const at = (tag: string): number => MODEL_TAGS.indexOf(tag as (typeof MODEL_TAGS)[number]);
    expect(allowedTransition(at("B-ORG"), at("L-ORG"))).toBe(true);
    expect(allowedTransition(at("B-ORG"), at("L-PER"))).toBe(false);
    expect(allowedTransition(at("B-ORG"), at("O"))).toBe(false);
    expect(allowedTransition(at("U-PER"), at("B-ORG"))).toBe(true);
    expect(allowedTransition(-1, at("I-LOC"))).toBe(false);
    expect(allowedLast(at("I-LOC"))).toBe(false);
    expect(allowedLast(at("L-LOC"))).toBe(true);
  });
});

describe("entitySpans", () => {
  const tokens = ["a", "b", "c", "d", "e"];
  it("starts an entity at an I- tag without B-", () => {
    expect(entitySpans(tokens, ["O", "I-PER", "I-PER", "O", "I-LOC"])).toEqual([
      { startToken: 1, endToken: 3, type: "PER" },
      { startToken: 4, endToken: 5, type: "LOC" },
    ]);
  });
  it("separates adjacent entities of the same and of different types", () => {
    expect(entitySpans(tokens, ["B-PER", "B-PER", "I-PER", "I-ORG", "B-LOC"])).toEqual([
      { startToken: 0, endToken: 1, type: "PER" },
      { startToken: 1, endToken: 3, type: "PER" },
      { startToken: 3, endToken: 4, type: "ORG" },
      { startToken: 4, endToken: 5, type: "LOC" },
    ]);
  });
  it("ignores tags of other types and an entity at the very end", () => {
    expect(entitySpans(["x", "y"], ["B-MISC", "B-ORG"])).toEqual([{ startToken: 1, endToken: 2, type: "ORG" }]);
  });
});

describe("training data mapping", () => {
  it("turns WikiGold's IO tags into BIO and MISC into O", () => {
    expect(wikigoldToNerTags(["I-PER", "I-PER", "O", "I-MISC", "I-ORG", "I-LOC"])).toEqual([
      "B-PER",
      "I-PER",
      "O",
      "O",
      "B-ORG",
      "B-LOC",
    ]);
  });

  const mapped = (text: string, tags: string): string[] => {
    const tokens = text.split(" ");
    return entitySpans(tokens, re3dToNerTags(tokens, tags.split(" "))).map(
      (s) => `${s.type}:${tokens.slice(s.startToken, s.endToken).join(" ")}`,
    );
  };

  it("cuts re3d mentions down to names", () => {
    expect(
      mapped(
        "US Defense Secretary Ash Carter met the Iraqi security forces near the Mezzeh military airport",
        "B-Person I-Person I-Person I-Person I-Person O B-Organisation I-Organisation I-Organisation I-Organisation O B-Location I-Location I-Location I-Location",
      ),
    ).toEqual(["PER:Ash Carter", "LOC:Mezzeh"]);
  });

  it("drops pronouns, role descriptions and other re3d types", () => {
    expect(
      mapped(
        "He told the Foreign Office Minister about Syrian jets",
        "B-Person O O B-Person I-Person I-Person I-Person O B-Nationality B-MilitaryPlatform",
      ),
    ).toEqual([]);
  });

  it("makes a country acting as a body a place, and drops a lone nationality word", () => {
    expect(
      mapped(
        "Russia and the U.S. government told all Syrians of the Islamic State of Iraq",
        "B-Organisation O B-Organisation I-Organisation I-Organisation O O B-Organisation O O I-Organisation I-Organisation I-Organisation I-Organisation",
      ),
    ).toEqual(["LOC:Russia", "LOC:U.S.", "ORG:Islamic State of Iraq"]);
  });
});

describe("extendOverNameParticles", () => {
  it("widens a person over particles on both sides", () => {
    const tokens = "Abd al - Karim Qasim and Ali Salih al-Sa'di".split(" ");
    const tags = extendOverNameParticles(tokens, ["O", "O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O"]);
    expect(entitySpans(tokens, tags)).toEqual([
      { startToken: 0, endToken: 5, type: "PER" },
      { startToken: 6, endToken: 9, type: "PER" },
    ]);
  });
});

describe("propagateNames", () => {
  it("tags a name's other mentions and a person's surname the way most of the document does", () => {
    const sentences = [
      "Carmen Cavallaro joined Linkin Park .",
      "Cavallaro left Linkin Park in May .",
      "Linkin Park toured .",
    ];
    const tagged = propagateNames(
      sentences.map((s) => s.split(" ")),
      [
        ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"],
        ["O", "O", "B-LOC", "I-LOC", "O", "O", "O"],
        ["B-ORG", "I-ORG", "O", "O"],
      ],
    );
    expect(tagged[1]).toEqual(["B-PER", "O", "B-ORG", "I-ORG", "O", "O", "O"]);
  });

  it("carries a name to its repetitions in capitals and in lower case", () => {
    const sentences = ["General Qasim met Arif in Baghdad .", "QASIM LEFT BAGHDAD TODAY .", "later qasim spoke ."];
    const tagged = propagateNames(
      sentences.map((s) => s.split(" ")),
      [
        ["O", "B-PER", "O", "B-PER", "O", "B-LOC", "O"],
        ["O", "O", "O", "O", "O"],
        ["O", "O", "O", "O"],
      ],
    );
    expect(tagged[1]).toEqual(["B-PER", "O", "B-LOC", "O", "O"]);
    expect(tagged[2]).toEqual(["O", "B-PER", "O", "O"]);
  });

  it("does not tag a lower-case word that spells a name in a sentence written in mixed case", () => {
    const sentences = ["Mr Rose met Arif .", "The rose garden in Baghdad ."];
    const tagged = propagateNames(
      sentences.map((s) => s.split(" ")),
      [
        ["O", "B-PER", "O", "B-PER", "O"],
        ["O", "O", "O", "O", "B-LOC", "O"],
      ],
    );
    expect(tagged[1]).toEqual(["O", "O", "O", "O", "B-LOC", "O"]);
  });
});

describe("caseMode", () => {
  const mode = (text: string) => caseMode(text.split(" "));
  it("tells sentences in capitals and in lower case from ordinary ones", () => {
    expect(mode("QASIM LEFT BAGHDAD TODAY .")).toBe(CASE_UPPER);
    expect(mode("later qasim left baghdad .")).toBe(CASE_LOWER);
    expect(mode("The rose garden in Baghdad .")).toBe(CASE_MIXED);
    expect(mode("EMBASSY Baghdad reports")).toBe(CASE_MIXED);
  });
  it("calls a sentence of fewer than three words mixed", () => {
    expect(mode("NO OBJECTION")).toBe(CASE_MIXED);
  });
});

describe("period gazetteer", () => {
  const match = phraseMatcher({
    ORG: ["Ba'ath Party", "Arab Socialist Ba'ath Party"],
    PER: ["Salah al-Bitar", "Aflaq"],
  });
  const names = (tokens: string[]): string[] =>
    match(tokens).map((span) => `${tokens.slice(span.startToken, span.endToken).join(" ")}/${span.type}`);

  it("finds the longest name whatever its case, with its hyphens apart or not", () => {
    expect(names("the ARAB SOCIALIST BA'ATH PARTY of Aflaq".split(" "))).toEqual([
      "ARAB SOCIALIST BA'ATH PARTY/ORG",
      "Aflaq/PER",
    ]);
    expect(names("Salah al - Bitar and Salah al-Bitar".split(" "))).toEqual([
      "Salah al - Bitar/PER",
      "Salah al-Bitar/PER",
    ]);
  });

  it("finds no part of a name", () => {
    expect(names("the Party of Salah".split(" "))).toEqual([]);
  });

  it("is built from the corpora into a table of names with person, organization and place entries", () => {
    const lists = readPeriodGazetteer(packageRoot());
    for (const type of ["PER", "ORG", "LOC"] as const) expect(lists[type]!.length).toBeGreaterThan(50);
  });
});

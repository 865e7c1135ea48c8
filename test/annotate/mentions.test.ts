import { describe, expect, it } from "vitest";
import type { EntityType, Mention } from "../../src/annotate/mentions/index.js";
import { extractMentions, matchKnownNames } from "../../src/annotate/mentions/index.js";
import { loadNerDatasets } from "../../src/annotate/mentions/model/training-data.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";
import { segmentParagraphs } from "../../src/segment/index.js";
import { expected, occurrences, seed } from "./mentions-seeds.js";

const TYPES: [keyof typeof expected, EntityType][] = [
  ["people", "person"],
  ["organizations", "organization"],
  ["places", "place"],
];

const find = (mentions: readonly Mention[], text: string): Mention | undefined =>
  mentions.find((mention) => mention.text === text);

describe.each(["001", "002", "003"])("mentions in seed %s", (id) => {
  const { document, mentions } = seed(id);

  it("finds every expected surface form that occurs in the text, with its type", () => {
    const missing: string[] = [];
    for (const [list, type] of TYPES) {
      for (const entity of expected[list]) {
        for (const form of [entity.name, ...(entity.also ?? [])]) {
          const at = occurrences(document.text, form);
          if (at.length === 0) continue;
          const found = at.some((start) =>
            mentions.some((m) => m.type === type && m.start <= start && m.end >= start + form.length),
          );
          if (!found) missing.push(`${type}: ${form}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives exact offsets, a sentence around each mention and an extractor", () => {
    for (const mention of mentions) {
      expect(mention.text).toBe(document.text.slice(mention.start, mention.end));
      expect(mention.sentence.start).toBeLessThanOrEqual(mention.start);
      expect(mention.sentence.end).toBeGreaterThanOrEqual(mention.end);
      expect(mention.extractor.length).toBeGreaterThan(0);
      expect(mention.name.length).toBeGreaterThan(0);
    }
  });

  it("finds no person named like a sentence-initial word", () => {
    const persons = mentions.filter((m) => m.type === "person").map((m) => m.name);
    for (const word of ["However", "The", "After", "Although", "Whilst", "Only", "In"])
      expect(persons).not.toContain(word);
  });
});

describe("seed 001", () => {
  const { mentions } = seed("001");

  it("separates rank from name", () => {
    expect(find(mentions, "Corporal Hasan Sari")).toMatchObject({
      type: "person",
      name: "Hasan Sari",
      role: "Corporal",
    });
  });

  it("reads persons with their offices, and organizations, from the infobox", () => {
    expect(find(mentions, "Ahmed Hassan al-Bakr")).toMatchObject({ type: "person", role: "Prime Minister of Iraq" });
    expect(find(mentions, "Hazim Jawad")).toMatchObject({ type: "person" });
    expect(find(mentions, "Hazim Jawad")?.role).toMatch(/^Secretary/);
    expect(find(mentions, "Ba'ath Party Regional Command")?.type).toBe("organization");
    expect(find(mentions, "Ba'ath National Guard Militia")?.type).toBe("organization");
    expect(find(mentions, "Republic of Iraq")).toMatchObject({ type: "place", name: "Iraq" });
  });

  it("declares aliases in parentheses", () => {
    expect(find(mentions, "ICP")).toMatchObject({ type: "organization", aliasOf: "Iraqi Communist Party" });
    expect(find(mentions, "Abu Salam")).toMatchObject({ type: "person", aliasOf: "Muhammad Habib" });
    expect(mentions.filter((m) => m.text === "CIA").every((m) => m.aliasOf === "Central Intelligence Agency")).toBe(
      true,
    );
  });

  it("links group adjectives to their organization, never as persons", () => {
    const baathist = mentions.filter((m) => /^Baathists?$/.test(m.text));
    expect(baathist.length).toBeGreaterThan(0);
    for (const mention of baathist) expect(mention).toMatchObject({ type: "group", name: "Ba'ath Party" });
    expect(mentions.some((m) => m.type === "person" && /Baathist|communist/i.test(m.text))).toBe(false);
  });

  it("finds quantities in the infobox and the prose", () => {
    const quantities = mentions.filter((m) => m.type === "quantity").map((m) => m.name);
    expect(quantities).toEqual(expect.arrayContaining(["300–2,000", "34,000", "1+", "2,000", "1,000", "30"]));
    expect(find(mentions, "2,000 fighters")?.name).toBe("2,000");
  });

  it("finds a surname alone and another spelling of it", () => {
    expect(mentions.filter((m) => m.text === "Sari").every((m) => m.type === "person")).toBe(true);
    expect(find(mentions, "Qassem")?.type).toBe("person");
  });

  it("finds no person whose name is a common English word", () => {
    const lowerCaseWords = new Set<string>();
    for (const dataset of loadNerDatasets()) {
      for (const s of [...dataset.train, ...dataset.heldOut]) {
        for (const token of s.tokens.slice(1)) if (/^[a-z]+$/.test(token)) lowerCaseWords.add(token);
      }
    }
    const common = mentions.filter((m) => m.type === "person" && lowerCaseWords.has(m.name.toLowerCase()));
    expect(common.map((m) => m.name)).toEqual([]);
  });
});

describe("another spelling of a name the document gives", () => {
  const mentionsOf = (text: string) => {
    const [document] = parse(decode(Buffer.from(text), "assad.txt"));
    return extractMentions(document!, [...segmentParagraphs(document!.text)]);
  };

  it("is found, but a common English word that sounds like it is not", () => {
    const mentions = mentionsOf(
      "President Bashar al-Assad spoke in Damascus. Later Assad met the envoy, and the envoy thanked Asad.\n\n" +
        "Humphreys, Jessica (2015). Child Soldier: When Boys and Girls Are Used in War. Toronto: Kids Can Press.",
    );
    expect(find(mentions, "Asad")?.type).toBe("person");
    expect(find(mentions, "Used")).toBeUndefined();
  });

  it("is never a common word left of a name whose other words are no words of their own", () => {
    const mentions = mentionsOf(
      "A message came from the U.S. Army Attaché in Iraq. There are reports of a possible Army coup in Lebanon.",
    );
    expect(mentions.find((m) => m.text === "Army" && m.aliasOf === "U.S. Army")).toBeUndefined();
  });
});

describe("seed 002", () => {
  const { mentions } = seed("002");

  it("reads titles before names", () => {
    expect(find(mentions, "Comrade Amer")).toMatchObject({ type: "person", name: "Amer", role: "Comrade" });
    expect(find(mentions, "Brigadier General Qasim")).toMatchObject({ name: "Qasim", role: "Brigadier General" });
    expect(find(mentions, "Colonel Arif")).toMatchObject({ name: "Arif", role: "Colonel" });
  });

  it("finds a quoted organization name and a party's leader in parentheses", () => {
    expect(find(mentions, "Freedom of Fatherland")?.type).toBe("organization");
    expect(find(mentions, "Shanshall")?.type).toBe("person");
    expect(find(mentions, "Chaderchi")?.type).toBe("person");
  });
});

describe("seed 003", () => {
  const { mentions } = seed("003");

  it("names a transliterated city by its GeoNames name", () => {
    expect(find(mentions, "Karkuk")).toMatchObject({ type: "place", name: "Kirkuk" });
  });

  it("links Nasserists to Nasser", () => {
    expect(find(mentions, "Nasserists")).toMatchObject({ type: "group", name: "Gamal Abdel Nasser" });
  });

  it("counts casualties, councils and colleagues", () => {
    expect(find(mentions, "250 killed")?.name).toBe("250");
    expect(find(mentions, "15-member council")?.name).toBe("15");
    expect(mentions.find((m) => m.type === "quantity" && m.text.startsWith("18 of his"))?.name).toBe("18");
    expect(find(mentions, "7,000 Iraqi communists")?.name).toBe("7,000");
  });

  it("keeps the role of a lower-case title", () => {
    expect(find(mentions, "Prime Minister al-Bakr")).toMatchObject({ name: "al-Bakr", role: "Prime Minister" });
  });
});

describe("seed 000 (lower-cased)", () => {
  const { document, paragraphs, mentions } = seed("000");

  it("finds places without capitals, and no names that need capitals", () => {
    const places = new Set(mentions.filter((m) => m.type === "place").map((m) => m.name));
    expect([...places]).toEqual(expect.arrayContaining(["Iraq", "Baghdad", "Soviet Union", "Hungary"]));
    expect(mentions.some((m) => m.extractor === "model" || m.extractor === "title-rank")).toBe(false);
  });

  it("finds the names known from seed 001", () => {
    const known = seed("001")
      .mentions.filter((m) => m.type === "person" || m.type === "organization" || m.type === "place")
      .map((m) => ({ name: m.name, type: m.type as EntityType }));
    const found = matchKnownNames(document, paragraphs, known);
    const texts = new Set(found.map((m) => `${m.type}:${m.text}`));
    for (const name of ["muhammad habib", "hasan sari", "ibrahim muhammad ali", "hafiz latfah"]) {
      expect(texts).toContain(`person:${name}`);
    }
    expect(texts).toContain("organization:iraqi communist party");
    expect(texts).toContain("place:ar rashid army camp");
    for (const mention of found) expect(mention.text).toBe(document.text.slice(mention.start, mention.end));
  });
});

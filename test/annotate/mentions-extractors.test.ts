import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/annotate/mentions/index.js";
import { extractMentions, matchKnownNames } from "../../src/annotate/mentions/index.js";
import { LOWER_CASE_TITLES } from "../../src/annotate/mentions/lexicon/titles.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";
import { segmentParagraphs } from "../../src/segment/index.js";
import { fixtureBytes } from "../decode/fixtures.js";

function documentOf(text: string, path = "note.txt") {
  const [document] = parse(decode(new TextEncoder().encode(text), path));
  return document!;
}

function mentionsIn(text: string): Mention[] {
  return extractMentions(documentOf(text));
}

const named = (mentions: readonly Mention[], text: string) => mentions.find((m) => m.text === text);

describe("title-rank", () => {
  it.each([
    ["Corporal Hasan Sari joined.", "Corporal Hasan Sari", "Hasan Sari", "Corporal"],
    ["He met Brigadier General Qasim there.", "Brigadier General Qasim", "Qasim", "Brigadier General"],
    ["Later President Arif spoke.", "President Arif", "Arif", "President"],
    ["They saw Brig. Abdul Karim Qassim in court.", "Brig. Abdul Karim Qassim", "Abdul Karim Qassim", "Brig."],
    ["A cable from Secretary Dulles arrived.", "Secretary Dulles", "Dulles", "Secretary"],
    ["By noon Prime Minister al-Bakr's forces had won.", "Prime Minister al-Bakr", "al-Bakr", "Prime Minister"],
    ["The Iraqi president Abdul Salam Arif resigned.", "president Abdul Salam Arif", "Abdul Salam Arif", "president"],
    ["Then prime minister  Nuri al-Said left.", "prime minister  Nuri al-Said", "Nuri al-Said", "prime minister"],
  ])("%s", (text, surface, name, role) => {
    expect(named(mentionsIn(text), surface)).toMatchObject({ type: "person", name, role, extractor: "title-rank" });
  });

  it("has lower-case titles of lower-case letters and single spaces, as its look-behind pre-check reads them", () => {
    for (const title of LOWER_CASE_TITLES) expect(title).toMatch(/^[a-z]+(?: [a-z]+)*$/);
  });

  it("takes no organization or place for a name", () => {
    const mentions = mentionsIn("He addressed the General Assembly and Major League Baseball.");
    expect(mentions.filter((m) => m.type === "person")).toEqual([]);
  });

  it("reads a title that is also a common word as that word after 'the', unless a given name follows", () => {
    const titled = (text: string) => mentionsIn(text).filter((m) => m.extractor === "title-rank");
    expect(titled('Avant wrote "The Private Security Events Database" in 2019.')).toEqual([]);
    expect(titled("He met the General Secretary Michel Aflaq in Damascus.")).toMatchObject([{ name: "Michel Aflaq" }]);
  });
});

describe("arabic-name", () => {
  it.each([
    "Abd al-Karim Qasim",
    "Abdul-Karim Qasim",
    "Ali Salih al-Sa'di",
    "Nuri As-Said",
    "Nuri AS-Said",
    "Khaleel Jassim AlDabbagh",
    "Abdul Aziz Al Aqili",
    "Younis Atar Bashi",
    "Osama bin Laden",
  ])("%s is a person", (name) => {
    expect(named(mentionsIn(`Reports say that ${name} was seen near the river.`), name)).toMatchObject({
      type: "person",
      name,
    });
  });

  it("makes a name before a place noun a place, and drops one before an event noun", () => {
    const mentions = mentionsIn("They were sent to the Nuqrat as-Salman desert prison after the ar-Rashid revolt.");
    expect(named(mentions, "Nuqrat as-Salman")?.type).toBe("place");
    expect(mentions.some((m) => m.text.includes("Rashid"))).toBe(false);
  });
});

describe("organization-head", () => {
  it.each([
    ["Iraqi Communist Party", "It was the Iraqi Communist Party that won."],
    ["Free Officers movement", "They had joined the Free Officers movement early."],
    ["Baghdad Workers Committee", "Cells of the Baghdad Workers Committee met."],
    ["National Democratic Party", "The National Democratic Party refused."],
    ["People's Front", "It rallied in the People's Front."],
    ["Association of Soldiers and Officers", "Setting up the Association of Soldiers and Officers was hard."],
    ["Republican Guard", "He was replaced by the Republican Guard."],
    ["Arab Socialist Union of Iraq", "Then the Arab Socialist Union of Iraq was declared legal."],
    ["Ba'ath National Guard Militia", "They bombed the Ba'ath National Guard Militia headquarters."],
    ["Radio Baghdad", "Next day Radio Baghdad announced it."],
    ["Freedom of Fatherland", 'They set up a civil organization, "Freedom of Fatherland" which grew.'],
  ])("%s", (name, text) => {
    expect(named(mentionsIn(text), name)).toMatchObject({ type: "organization", name });
  });

  it("starts the name after a place that owns it and after a capitalised The inside the run", () => {
    const owned = mentionsIn("Officers of Iran's Islamic Revolutionary Guard Corps were there.");
    expect(named(owned, "Islamic Revolutionary Guard Corps")?.type).toBe("organization");
    expect(owned.some((m) => m.type === "organization" && m.text.startsWith("Iran"))).toBe(false);
    const headline = mentionsIn("Elections in Britain The Labor Party scored well.");
    expect(named(headline, "Labor Party")?.type).toBe("organization");
    expect(headline.some((m) => m.type === "organization" && m.text.includes("Britain"))).toBe(false);
  });

  it("leaves countries named like organizations to the gazetteer", () => {
    expect(named(mentionsIn("He flew to the Soviet Union."), "Soviet Union")?.type).toBe("place");
  });
});

describe("acronym", () => {
  it("declares an acronym and finds it again", () => {
    const mentions = mentionsIn("The Iraqi Communist Party (ICP) grew. Later the ICP split.");
    const acronyms = mentions.filter((m) => m.text === "ICP");
    expect(acronyms).toHaveLength(2);
    for (const acronym of acronyms)
      expect(acronym).toMatchObject({ type: "organization", aliasOf: "Iraqi Communist Party" });
  });

  it("declares a nickname", () => {
    const mentions = mentionsIn("Ali directed Muhammad Habib (Abu Salam), a worker.");
    expect(named(mentions, "Abu Salam")).toMatchObject({ type: "person", aliasOf: "Muhammad Habib" });
  });

  it("knows a few acronyms without declaration", () => {
    expect(named(mentionsIn("The CIA also believed it."), "CIA")).toMatchObject({
      type: "organization",
      aliasOf: "Central Intelligence Agency",
    });
  });
});

describe("gazetteer", () => {
  it("finds countries under historical names and names them canonically", () => {
    const mentions = mentionsIn("The USSR and the United Arab Republic signed; the Republic of Iraq did not.");
    expect(named(mentions, "USSR")).toMatchObject({ type: "place", name: "Soviet Union" });
    expect(named(mentions, "United Arab Republic")?.type).toBe("place");
    expect(named(mentions, "Republic of Iraq")).toMatchObject({ type: "place", name: "Iraq" });
  });

  it("finds a city under another transliteration", () => {
    expect(named(mentionsIn("Troops entered Mosul and Karkuk."), "Karkuk")).toMatchObject({ name: "Kirkuk" });
  });

  it("does not take a common word starting a sentence for a city", () => {
    expect(mentionsIn("Reading the cable, he smiled.").some((m) => m.type === "place")).toBe(false);
    expect(named(mentionsIn("He lived in Reading for years."), "Reading")?.type).toBe("place");
  });

  it("does not take a nationality for a city", () => {
    expect(mentionsIn("The Syrian army and Iraqi forces left.").some((m) => m.type === "place")).toBe(false);
  });
});

describe("quantity, date and group-adjective", () => {
  const mentions = mentionsIn(
    "Around 2,000 fighters and 7,000 Iraqi communists; 250 killed; a 15-member council; 300–2,000 men. " +
      "On 14 July 1958 the Baathist and pro-Nasserist officers moved.",
  );

  it("names quantities by their number", () => {
    const quantities = mentions.filter((m) => m.type === "quantity").map((m) => m.name);
    expect(quantities).toEqual(["2,000", "7,000", "250", "15", "300–2,000"]);
  });

  it("finds dates with their value", () => {
    expect(mentions.find((m) => m.type === "date")).toMatchObject({ name: "1958-07-14", extractor: "date" });
  });

  it("links group adjectives", () => {
    expect(named(mentions, "Baathist")).toMatchObject({ type: "group", name: "Ba'ath Party" });
    expect(named(mentions, "Nasserist")).toMatchObject({ type: "group", name: "Gamal Abdel Nasser" });
    expect(named(mentions, "communists")).toMatchObject({ type: "group", name: "Communist Party" });
  });
});

describe("boundaries and refiners", () => {
  it("drops leading articles and possessives", () => {
    const mentions = mentionsIn("However, the Iraqi Army's officers met Qasim's deputy.");
    expect(named(mentions, "Iraqi Army")?.type).toBe("organization");
    expect(mentions.some((m) => m.name === "However" || m.name === "The")).toBe(false);
  });

  it("logs a type conflict in the extractor", () => {
    const mentions = mentionsIn("Corporal Hasan Sari led the cell. Sari was arrested in Baghdad.");
    const sari = mentions.filter((m) => m.text === "Sari");
    expect(sari.every((m) => m.type === "person")).toBe(true);
  });

  it("resolves overlaps in favour of the longer, surer mention", () => {
    const mentions = mentionsIn("The Baghdad Workers Committee met.");
    expect(mentions.filter((m) => m.type !== "date").map((m) => m.text)).toEqual(["Baghdad Workers Committee"]);
  });

  it("extracts only within the paragraphs given", () => {
    const document = documentOf("Abd al-Karim Qasim ruled.\n\nAbdul Salam Arif followed.");
    const [first, second] = [...segmentParagraphs(document.text)];
    const names = (paragraphs: (typeof first)[]) =>
      extractMentions(
        document,
        paragraphs.filter((p) => p !== undefined),
      ).map((m) => m.name);
    expect(names([first])).toEqual(["Abd al-Karim Qasim"]);
    expect(names([second])).toEqual(["Abdul Salam Arif"]);
  });
});

describe("markup", () => {
  it("takes TEI persName and placeName as they are marked", () => {
    const name = "frus1958-60v12_d110-d113_excerpt.xml";
    const [document] = parse(decode(fixtureBytes(name), name));
    const mentions = extractMentions(document!);
    const marked = mentions.filter((m) => m.extractor.includes("markup"));
    expect(marked.length).toBeGreaterThan(10);
    expect(marked.find((m) => m.ref === "p_HIT1")).toMatchObject({ type: "person", text: "Hussein" });
  });
});

describe("matchKnownNames", () => {
  const document = documentOf("abd al karim qasim met hasan sari near ar rashid army camp; sari left. the party cell");
  const paragraphs = [...segmentParagraphs(document.text)];

  it("finds known names without capitals, surnames and articles included", () => {
    const found = matchKnownNames(document, paragraphs, [
      { name: "Abd al-Karim Qasim", type: "person" },
      { name: "Hasan Sari", type: "person" },
      { name: "Ar-Rashid army camp", type: "place" },
    ]);
    expect(found.map((m) => [m.type, m.text])).toEqual([
      ["person", "abd al karim qasim"],
      ["person", "hasan sari"],
      ["place", "ar rashid army camp"],
      ["person", "sari"],
    ]);
    expect(found[3]).toMatchObject({ aliasOf: "Hasan Sari", extractor: "known-name" });
  });

  it("keeps ambiguous surnames apart and is fast with many names", () => {
    const known = [
      { name: "Abdul Salam Arif", type: "person" as const },
      { name: "Abdul Rahman Arif", type: "person" as const },
      ...Array.from({ length: 5000 }, (_, i) => ({ name: `Person${i} Name${i}`, type: "person" as const })),
    ];
    const text = documentOf("arif spoke. abdul rahman arif answered.");
    const found = matchKnownNames(text, [...segmentParagraphs(text.text)], known);
    expect(found.map((m) => m.text)).toEqual(["abdul rahman arif"]);
  });
});

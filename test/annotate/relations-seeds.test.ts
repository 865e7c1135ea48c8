import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../../src/core/document.js";
import { extractRelations, type RelationMention } from "../../src/annotate/relations/index.js";
import { SEED_000, SEED_001, SEED_002, SEED_003 } from "../decode/fixtures.js";
import { seedInput, type Entry } from "./seed-annotations.js";

function relationsOf(file: string, entries: Entry[]): { document: SourceDocument; relations: RelationMention[] } {
  const input = seedInput(file, entries);
  return { document: input.document, relations: extractRelations(input) };
}

function triples(relations: RelationMention[]): string[] {
  return relations.map((r) => `${r.source.name} ${r.type} ${r.target.name}`);
}

const PEOPLE: Entry[] = [
  ["Abd al-Karim Qasim", "person"],
  ["Abdul-Karim Qasim", "person", "Abd al-Karim Qasim"],
  ["Qasim", "person", "Abd al-Karim Qasim"],
  ["Abdul Salam Arif", "person"],
  ["Abdul Rahman Arif", "person"],
  ["Arif", "person", "Abdul Salam Arif"],
  ["Ahmed Hassan al-Bakr", "person"],
  ["Ibrahim Muhammad Ali", "person"],
  ["Ali", "person", "Ibrahim Muhammad Ali"],
  ["Muhammad Habib", "person"],
  ["Ali Salih al-Sa'di", "person"],
  ["al-Sadi", "person", "Ali Salih al-Sa'di"],
];
const BODIES: Entry[] = [
  ["Iraqi Communist Party", "organization"],
  ["Communist Party", "organization", "Iraqi Communist Party"],
  ["Ba'ath Party", "organization"],
  ["Ba'ath National Guard Militia", "organization"],
  ["Workers Central Committee", "organization"],
  ["Workers Committee", "organization"],
  ["intelligence services", "organization"],
  ["19th Brigade", "organization"],
  ["20th Brigade", "organization"],
  ["Iraq", "place"],
  ["Madrid", "place"],
  ["Spain", "place"],
];

describe("seed 001: relations from the infobox and the prose", () => {
  const { document, relations } = relationsOf(SEED_001, [...PEOPLE, ...BODIES]);
  const found = triples(relations);

  it("a commander commanded the organizations of their side", () => {
    expect(found).toContain("Ahmed Hassan al-Bakr commanded Ba'ath Party");
    expect(found).toContain("Ahmed Hassan al-Bakr commanded Ba'ath National Guard Militia");
    expect(found).toContain("Muhammad Habib commanded Iraqi Communist Party");
    expect(found).not.toContain("Ahmed Hassan al-Bakr commanded Iraqi Communist Party");
  });

  it("the sides fought each other", () => {
    expect(found).toContain("Ba'ath Party fought-against Iraqi Communist Party");
    expect(found).toContain("Ba'ath National Guard Militia fought-against Iraqi Army");
  });

  it("a commander's title says whom they led", () => {
    expect(found).toContain("Muhammad Habib led Baghdad Communist Cell");
    expect(found).toContain("Hazim Jawad led Ba'ath Party Regional Command");
    expect(found.some((triple) => triple.startsWith("Ahmed Hassan al-Bakr led"))).toBe(false);
  });

  it("Ali directed Muhammad Habib, was a member of the Workers Central Committee and led a Workers Committee", () => {
    const directed = relations.find((r) => r.type === "directed");
    expect(directed).toMatchObject({ source: { name: "Ibrahim Muhammad Ali" }, target: { name: "Muhammad Habib" } });
    expect(document.text.slice(directed!.quote.start, directed!.quote.end)).toMatch(/^Ali directed Muhammad Habib/);
    expect(found).toContain("Ibrahim Muhammad Ali member-of Workers Central Committee");
    expect(found).toContain("Ibrahim Muhammad Ali member-of Iraqi Communist Party");
    expect(found).toContain("Ibrahim Muhammad Ali led Workers Committee");
    expect(found).not.toContain("Iraqi Communist Party led Workers Committee");
  });

  it("Ali was captured by the intelligence services", () => {
    expect(found).toContain("intelligence services arrested Ibrahim Muhammad Ali");
  });

  it("quotes the infobox lines or the sentence, and points at the names", () => {
    for (const relation of relations) {
      const quote = document.text.slice(relation.quote.start, relation.quote.end);
      expect(quote).toContain(document.text.slice(relation.source.start, relation.source.end));
      expect(quote).toContain(document.text.slice(relation.target.start, relation.target.end));
    }
  });
});

describe("seed 003: exile, brothers and deputies", () => {
  const { relations } = relationsOf(SEED_003, [...PEOPLE, ...BODIES]);
  const found = triples(relations);

  it("al-Sadi was exiled to Spain and flown to Madrid", () => {
    expect(found).toContain("Ali Salih al-Sa'di exiled-to Spain");
    expect(found).toContain("Ali Salih al-Sa'di exiled-to Madrid");
  });

  it("Abdul Rahman Arif is the brother of Abdul Salam Arif", () => {
    expect(found).toContain("Abdul Rahman Arif sibling-of Abdul Salam Arif");
  });

  it("Arif was Qasim's deputy", () => {
    expect(found).toContain("Abdul Salam Arif deputy-of Abd al-Karim Qasim");
  });
});

describe("seed 002: deputies and commanders", () => {
  const { relations } = relationsOf(SEED_002, [...PEOPLE, ...BODIES]);
  const found = triples(relations);

  it("Qasim's deputy was Colonel Arif; Qasim commanded the two brigades, Arif the 20th", () => {
    expect(found).toContain("Abdul Salam Arif deputy-of Abd al-Karim Qasim");
    expect(found).toContain("Abd al-Karim Qasim commanded 19th Brigade");
    expect(found).toContain("Abd al-Karim Qasim commanded 20th Brigade");
    expect(found).toContain("Abdul Salam Arif commanded 20th Brigade");
  });
});

describe("seed 000: lower-cased token dump", () => {
  const { relations } = relationsOf(SEED_000, [...PEOPLE, ...BODIES, ["worker central committee", "organization"]]);

  it("still reads 'ali directed muhammad habib'", () => {
    expect(triples(relations)).toContain("Ibrahim Muhammad Ali directed Muhammad Habib");
  });
});

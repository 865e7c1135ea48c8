import { describe, expect, it } from "vitest";
import { SEED_001, SEED_003, fixtureBytes } from "../decode/fixtures.js";
import { expectExactMaps, originalOf, parseFixture, parseText } from "./helpers.js";

describe("encyclopedia reader", () => {
  it("reads seed 001: title, infobox lines and body, without the = markup", () => {
    const { source, documents } = parseFixture(SEED_001);
    const [document] = documents;
    expect(document).toMatchObject({ format: "encyclopedia", kind: "encyclopedia", title: "Ar-Rashid revolt" });
    expect(document!.text.startsWith("Ar-Rashid revolt\n\nInfobox\n- Conflict: Ar-Rashid revolt\n")).toBe(true);
    expect(document!.text).not.toMatch(/^=|==/m);
    expect(document!.sections.map((section) => [section.title, section.level])).toEqual([
      ["Background", 2],
      ["Preparations of the revolt", 2],
      ["The revolt", 2],
      ["Death train and aftermath", 2],
      ["Soviet involvement", 2],
      ["See also", 2],
    ]);
    const background = document!.sections[0]!;
    expect(document!.text.slice(background.start, background.start + 10)).toBe("Background");
    expect(document!.text.slice(background.end - 20, background.end)).not.toContain("Preparations");
    expectExactMaps(documents, source);
  });

  it("gives seed 001's Strength2 the value 300–2,000 with offsets into the text and the file", () => {
    const { source, documents } = parseFixture(SEED_001);
    const document = documents[0]!;
    const strength = document.infobox.find((field) => field.key === "Strength2")!;
    expect(strength.values).toHaveLength(1);
    const [value] = strength.values;
    expect(value!.text).toBe("300–2,000");
    expect(document.text.slice(value!.start, value!.end)).toBe("300–2,000");
    expect(document.text.slice(strength.start, strength.end)).toBe("Strength2: 300–2,000");
    const [fileStart, fileEnd] = document.map.spanToSource(value!.start, value!.end);
    expect(source.original.slice(fileStart - 13, fileEnd)).toBe("- Strength2: 300–2,000");
  });

  it("does not split values on commas", () => {
    const document = parseFixture(SEED_001).documents[0]!;
    const commander = document.infobox.find((field) => field.key === "Commander1")!;
    expect(commander.values.map((value) => value.text)).toEqual([
      "Ahmed Hassan al-Bakr, Prime Minister of Iraq, Hazim Jawad, Secretary of the Ba'ath Party Regional Command",
    ]);
  });

  it("splits seed 003's Commander2 into its two values", () => {
    const { source, documents } = parseFixture(SEED_003);
    const document = documents[0]!;
    expect(document.title).toBe("November 1963 Iraqi coup d'état");
    const commander = document.infobox.find((field) => field.key === "Commander2")!;
    expect(commander.values.map((value) => value.text)).toEqual(["Abdul Salam Arif", "Abdul Rahman Arif"]);
    for (const value of commander.values) {
      expect(document.text.slice(value.start, value.end)).toBe(value.text);
      expect(originalOf(document, source, value.start, value.end)).toBe(value.text);
    }
    expect(document.sections.map((section) => section.title)).toEqual(["Background", "Coup", "See also"]);
    expectExactMaps(documents, source);
  });

  it("reads the same file with CRLF line endings the same way", () => {
    const crlf = fixtureBytes(SEED_001).toString("utf8").replace(/\n/g, "\r\n");
    const { source, documents } = parseText(crlf, "crlf.txt");
    const document = documents[0]!;
    expect(document.format).toBe("encyclopedia");
    const strength = document.infobox.find((field) => field.key === "Strength2")!;
    expect(strength.values[0]!.text).toBe("300–2,000");
    expect(document.sections).toHaveLength(6);
    expectExactMaps(documents, source);
  });
});

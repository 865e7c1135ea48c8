import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { FRUS_TEI } from "../decode/fixtures.js";
import { expectExactMaps, originalOf, parseFixture, parseText } from "./helpers.js";

describe("tei reader: FRUS excerpt", () => {
  const { source, documents } = parseFixture(FRUS_TEI);
  const [d110, d111, d113] = documents;

  it("yields one primary document per div type=document, with part ids", () => {
    expect(documents.map((document) => document.id)).toEqual(
      ["d110", "d111", "d113"].map((part) => `${source.contentHash}#${part}`),
    );
    expect(documents.every((document) => document.format === "tei" && document.kind === "primary")).toBe(true);
  });

  it("titles each document by its head, without the source note", () => {
    expect(d110!.title).toBe("110. Briefing Notes by Director of Central Intelligence Dulles");
    expect(d111!.title).toBe("111. Telegram From the Embassy in Jordan to the Department of State");
    expect(d113!.title).toBe("113. Memorandum of Conversation");
  });

  it("takes date and place from the dateline, the date marked as read from markup", () => {
    expect(d110!.metadata).toEqual({ date: "1958-07-14", dateSource: "markup", place: "Washington" });
    expect(d111!.metadata).toEqual({ date: "1958-07-14", dateSource: "markup", place: "Amman" });
    expect(d113!.metadata).toEqual({ date: "1958-07-14", dateSource: "markup", place: "Washington" });
  });

  it("keeps persName, placeName and date markup with refs, values and offsets into the text", () => {
    const nuri = d110!.markup.find((mark) => mark.ref === "p_alSN1")!;
    expect(nuri).toMatchObject({ type: "person", text: "Nuri" });
    expect(d110!.text.slice(nuri.start, nuri.end)).toBe("Nuri");
    expect(originalOf(d110!, source, nuri.start, nuri.end)).toBe("Nuri");
    const date = d111!.markup.find((mark) => mark.type === "date")!;
    expect(date).toMatchObject({ value: "1958-07-14T15:00:00", text: "July 14, 1958, 3 p.m." });
    const amman = d111!.markup.find((mark) => mark.type === "place")!;
    expect(d111!.text.slice(amman.start, amman.end)).toBe("Amman");
    const hussein = d111!.markup.filter((mark) => mark.ref === "p_HIT1");
    expect(hussein.length).toBeGreaterThan(0);
    for (const mark of [...d110!.markup, ...d111!.markup]) expect(mark.text.trim()).toBe(mark.text);
  });

  it("lays out the body first and the footnotes after a Notes heading", () => {
    const text = d110!.text;
    expect(
      text.startsWith("110. Briefing Notes by Director of Central Intelligence Dulles\n\nWashington, July 14, 1958."),
    ).toBe(true);
    const notes = text.indexOf("\n\nNotes\n\nSource: Eisenhower Library");
    expect(notes).toBeGreaterThan(text.indexOf("General Summary"));
    expect(d110!.sections.at(-1)).toMatchObject({ title: "Notes", level: 1, end: text.length });
    expect(d110!.sections.map((section) => section.title)).toContain("II. The City of Baghdad");
    expectExactMaps(documents, source);
  });

  it("collapses the XML's indentation", () => {
    expect(d113!.text).not.toMatch(/ {2}|\n{3}/);
  });
});

describe("tei reader: entities and errors", () => {
  const wrap = (body: string): string =>
    `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A  letter</title></titleStmt></fileDesc></teiHeader>\n<text><body>${body}</body></text></TEI>`;

  it("decodes entities with maps and reads a file without document divs as one document", () => {
    const { source, documents } = parseText(
      wrap('<p>Qasim &amp; <persName ref="#p_AASM1">&#193;rif</persName> &#x2014; 1958</p>'),
      "letter.xml",
    );
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document!.id).toBe(source.contentHash);
    expect(document!.title).toBe("A letter");
    expect(document!.text).toBe("Qasim & Árif — 1958");
    expect(document!.markup).toEqual([{ type: "person", ref: "p_AASM1", text: "Árif", start: 8, end: 12 }]);
    expect(originalOf(document!, source, 6, 7)).toBe("&amp;");
    expect(originalOf(document!, source, 8, 12)).toBe("&#193;rif");
    expectExactMaps(documents, source);
  });

  it("rejects malformed XML with line, column, byte offset and what to do", () => {
    const text = wrap("<p>Qāsim <persName>Arif</p>");
    let error: unknown;
    try {
      parseText(text, "bad.xml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.code).toBe("malformed-xml");
    expect(inputError.message).toMatch(/^is not well-formed XML: .* at line 3, column \d+; fix the markup/);
    const byte = Buffer.from(text).indexOf("</p>");
    expect(inputError.offset).toBeGreaterThanOrEqual(byte);
    expect(inputError.offset).toBeLessThanOrEqual(byte + 4);
  });
});

import { describe, expect, it } from "vitest";
import { fixtureBytes } from "../decode/fixtures.js";
import { parseFixture, parseText } from "./helpers.js";

describe("format detection: quoting markup does not make a file XML", () => {
  it("reads Markdown that quotes TEI tags as Markdown", () => {
    expect(fixtureBytes("frus-source-notes.md").toString("utf8")).toContain(
      '<excerpt xmlns="http://www.tei-c.org/ns/1.0">',
    );
    const { documents } = parseFixture("frus-source-notes.md");
    expect(documents).toHaveLength(1);
    expect(documents[0]!.format).toBe("markdown");
    expect(documents[0]!.text).toContain("<persName corresp=");
  });

  it("reads plain text that quotes an unclosed tag as text", () => {
    const { documents } = parseText(
      'Each volume is a <TEI> file: people are marked <persName corresp="#p_1"> and places <placeName>.\n',
      "notes.txt",
    );
    expect(documents.map((d) => d.format)).toEqual(["text"]);
  });

  it("still reads a TEI file that opens with a comment before its root element", () => {
    const { documents } = parseText(
      '<!-- excerpt -->\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Baghdad, 14 July 1958.</p></body></text></TEI>\n',
      "volume.xml",
    );
    expect(documents.map((d) => d.format)).toEqual(["tei"]);
  });

  it("still refuses a broken XML file, which starts as XML", () => {
    expect(() =>
      parseText('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>x</text></TEI>', "bad.xml"),
    ).toThrow(/not well-formed XML/);
  });
});

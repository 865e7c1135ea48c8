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

describe("format detection: a few bold words do not make a long text Markdown", () => {
  const sentence = "The delegation reached Baghdad on the morning of 14 July and met the new ministers at noon. ";
  const long = (marked: string) => sentence.repeat(120) + marked + "\n\n" + sentence.repeat(120) + marked + "\n";

  it("reads a long text with two bold phrases as text, keeping its asterisks", () => {
    const { documents } = parseText(long("It was **not** a quiet day."), "report.txt");
    expect(documents.map((d) => d.format)).toEqual(["text"]);
    expect(documents[0]!.text).toContain("**not**");
  });

  it("still reads a short file whose bold labels are its structure as Markdown", () => {
    const { documents } = parseText(
      "**Citation:** Report of the delegation\n\n**Date:** 1958-07-14\n\n" + sentence.repeat(3) + "\n",
      "report.txt",
    );
    expect(documents.map((d) => d.format)).toEqual(["markdown"]);
  });

  it("still reads a long text with headings and bold phrases as Markdown", () => {
    const { documents } = parseText("# Report\n\n" + long("It was **not** a quiet day."), "report.txt");
    expect(documents.map((d) => d.format)).toEqual(["markdown"]);
  });
});

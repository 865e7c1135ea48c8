import { describe, expect, it } from "vitest";
import { SEED_002, SYRIA_MD } from "../decode/fixtures.js";
import { expectExactMaps, originalOf, parseFixture, parseText } from "./helpers.js";

describe("markdown reader: archival source without front matter (seed 002)", () => {
  const { source, documents } = parseFixture(SEED_002);
  const document = documents[0]!;

  it("is recognized as Markdown by its content despite the .txt extension", () => {
    expect(documents).toHaveLength(1);
    expect(document.format).toBe("markdown");
    expect(document.kind).toBe("primary");
  });

  it("takes the title from the bold title lines and the date from the bold date line", () => {
    expect(document.title).toBe(
      "Report of the Hungarian Ambassador in Baghdad on the preparations for the Iraqi revolution in 1958",
    );
    expect(document.metadata.date).toBe("1958-12-18");
  });

  it("reads the citation block into metadata", () => {
    expect(document.metadata).toMatchObject({
      archive: "Wilson Center Digital Archive",
      translator: "András Bocz",
      url: "https://wilson-center-digital-archive.dvincitest.com/document/122512",
      language: "Hungarian",
    });
    expect(document.metadata.citation).toMatch(
      /^"Report of the Hungarian Ambassador .*7\.ó\.e\. Translated by András Bocz\./,
    );
  });

  it("keeps the visible text without markup, blocks separated by blank lines", () => {
    expect(document.text.startsWith("December 18, 1958\n\nReport of the Hungarian Ambassador")).toBe(true);
    expect(document.text).not.toContain("**");
    expect(document.text).toContain("\n\nCitation:\n\n");
    expect(document.text).toContain("https://wilson-center-digital-archive.dvincitest.com/document/122512");
    expect(document.text).not.toContain("<https:");
    expect(document.text).toContain("the second half of 1956");
    expectExactMaps(documents, source);
  });
});

describe("markdown reader: Wikipedia article with front matter", () => {
  const { source, documents } = parseFixture(SYRIA_MD);
  const document = documents[0]!;

  it("takes title, kind and metadata from the front matter, but not pubDate", () => {
    expect(document.title).toBe("1963 Syrian coup d'état");
    expect(document.kind).toBe("encyclopedia");
    expect(document.metadata).toMatchObject({
      subject: "1963 Syrian coup d'état",
      author: "Wikipedia",
      date: "1963-03-08",
      place: "Syria",
      description: "Overthrow of Syrian Prime Minister Nazim al-Kudsi by the Ba'ath Party",
    });
    expect(document.metadata.tags).toContain("Military coups in Syria");
    expect(document.metadata.tags).toContain("National Party");
    expect(JSON.stringify(document.metadata)).not.toContain("2023-06-24");
  });

  it("turns headings into sections with levels", () => {
    const sections = document.sections.slice(0, 3).map((section) => [section.title, section.level]);
    expect(sections).toEqual([
      ["Background", 2],
      ["Events leading up to the coup", 3],
      ["Economic and social context", 3],
    ]);
    const background = document.sections[0]!;
    expect(document.text.slice(background.start, background.start + 10)).toBe("Background");
    expect(background.end).toBeGreaterThan(document.sections[2]!.start);
  });

  it("leaves out the front matter, images and markup but keeps the text", () => {
    expect(document.text.startsWith("The 1963 Syrian coup d'état, referred to by the Syrian government")).toBe(true);
    expect(document.text).not.toContain("subject:");
    expect(document.text).not.toContain("Special:Redirect");
    expect(document.text).not.toContain("**");
    expect(document.text).toContain("ثورة الثامن من آذار");
    expectExactMaps(documents, source);
  });
});

describe("markdown reader: escapes, references and links", () => {
  it("maps unescaped characters and decoded references back to their source", () => {
    const markdown =
      "# Qasim \\& *Arif*\n\nBa&apos;ath &amp; the \\*army\\* met [in Baghdad](https://x.org)\n   on &#x2014; Tuesday.\n";
    const { source, documents } = parseText(markdown, "note.md");
    const document = documents[0]!;
    expect(document.title).toBe("Qasim & Arif");
    expect(document.text).toBe("Qasim & Arif\n\nBa'ath & the *army* met in Baghdad on — Tuesday.");
    const amp = document.text.indexOf("&", 15);
    expect(originalOf(document, source, amp, amp + 1)).toBe("&amp;");
    const dash = document.text.indexOf("—");
    expect(originalOf(document, source, dash, dash + 1)).toBe("&#x2014;");
    expectExactMaps(documents, source);
  });

  it("keeps code as it is and list items as blocks", () => {
    const markdown = "Intro\n\n- one\n- two\n\n```\n  indented  code\nline 2\n```\n";
    const { source, documents } = parseText(markdown, "list.md");
    expect(documents[0]!.text).toBe("Intro\n\none\n\ntwo\n\n  indented  code\nline 2");
    expectExactMaps(documents, source);
  });
});

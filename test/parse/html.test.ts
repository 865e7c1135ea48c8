import { describe, expect, it } from "vitest";
import { WIKIPEDIA_HTML } from "../decode/fixtures.js";
import { expectExactMaps, originalOf, parseFixture, parseText } from "./helpers.js";

describe("html reader: a saved Wikipedia page", () => {
  const { source, documents } = parseFixture(WIKIPEDIA_HTML);
  const document = documents[0]!;

  it("reads title, kind and page metadata", () => {
    expect(documents).toHaveLength(1);
    expect(document).toMatchObject({ format: "html", kind: "encyclopedia", title: "14 July Revolution" });
    expect(document.metadata).toMatchObject({
      language: "en",
      url: "https://en.wikipedia.org/wiki/14_July_Revolution",
      author: "Wikipedia",
    });
  });

  it("keeps the article's text and leaves out navigation, scripts, references and edit links", () => {
    const { text } = document;
    for (const unwanted of [
      "Jump to content",
      "Main page",
      "wgArticleId",
      "mw-parser-output",
      "From Wikipedia",
      "For the French national day",
      "[1]",
      "[2]",
      "edit",
      "Reference one",
      "navigation box",
      "1958 in Iraq",
      "last edited",
      "Contents",
    ]) {
      expect(text).not.toContain(unwanted);
    }
    expect(text).toContain(
      "The 14 July Revolution was a coup d'état in Iraq on 14 July 1958, which overthrew the Hashemite monarchy. " +
        "Brigadier Abd al-Karim Qasim & Colonel Abdul Salam Arif led the Free Officers.",
    );
    expect(text).toContain("Prime Minister Nuri al-Said – a veteran politician – supported");
    expect(text).toContain("Opposition grew among the officers.\nSome of them met in secret.");
    expect(text).toContain('Radio Baghdad:   "The republic is proclaimed."');
    expectExactMaps(documents, source);
  });

  it("maps decoded entities to the entity in the file", () => {
    const eacute = document.text.indexOf("é");
    expect(originalOf(document, source, eacute, eacute + 1)).toBe("&eacute;");
    const dash = document.text.indexOf("–");
    expect(originalOf(document, source, dash, dash + 1)).toBe("&#8211;");
  });

  it("turns headings into sections", () => {
    expect(document.sections.map((section) => [section.title, section.level])).toEqual([
      ["Background", 2],
      ["Opposition", 3],
      ["Coup", 2],
      ["References", 2],
    ]);
    const background = document.sections[0]!;
    expect(document.text.slice(background.start, background.end)).toMatch(/^Background\n\n.*secret\.$/s);
  });

  it("reads the infobox rows into fields, one value per line or list item", () => {
    const fields = Object.fromEntries(
      document.infobox.map((field) => [field.key, field.values.map((value) => value.text)]),
    );
    expect(fields).toEqual({
      Date: ["14 July 1958"],
      Location: ["Baghdad, Kingdom of Iraq"],
      Result: ["Monarchy overthrown", "Republic of Iraq proclaimed"],
      Belligerents1: ["Kingdom of Iraq"],
      Belligerents2: ["Free Officers"],
      Commanders: ["Abd al-Karim Qasim", "Abdul Salam ‘Arif"],
      Casualties: ["Faisal II and members of the royal family"],
    });
    for (const field of document.infobox) {
      const key = field.key.replace(/\d$/, "");
      expect(document.text.slice(field.start, field.start + key.length)).toBe(key);
      for (const value of field.values) expect(document.text.slice(value.start, value.end)).toBe(value.text);
    }
    expect(document.text).toContain("Date: 14 July 1958\n\nLocation: Baghdad, Kingdom of Iraq");
    expect(document.text).toContain(
      "Belligerents\n\nKingdom of Iraq\nFree Officers\n\nCommanders: Abd al-Karim Qasim\nAbdul",
    );
  });
});

describe("html reader: other pages", () => {
  it("reads a plain page as kind other, taking the largest block of paragraphs as content", () => {
    const html =
      "<html><head><title>Notes | My site</title></head><body><div class=menu><p>Home</p></div>" +
      "<div class=post><h1>On the coup</h1><p>Qasim  took power.</p><p>Arif\nfollowed.</p></div></body></html>";
    const { source, documents } = parseText(html, "page.htm");
    expect(documents[0]).toMatchObject({
      kind: "other",
      title: "On the coup",
      text: "On the coup\n\nQasim took power.\n\nArif followed.",
    });
    expectExactMaps(documents, source);
  });

  it("survives 100,000 levels of nesting", () => {
    const depth = 100_000;
    const html = "<!DOCTYPE html><body>" + "<div>".repeat(depth) + "deep text" + "</div>".repeat(depth) + "</body>";
    const { documents } = parseText(html, "deep.html");
    expect(documents[0]!.text).toBe("deep text");
  });
});

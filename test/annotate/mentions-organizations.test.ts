import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/annotate/mentions/index.js";
import { extractMentions } from "../../src/annotate/mentions/index.js";
import { textDocument } from "../../src/core/text-document.js";

const organizations = (text: string, options: { model?: false; caseless?: boolean } = {}): string[] =>
  extractMentions(textDocument(text), undefined, { namesOnly: true, ...options })
    .filter((m: Mention) => m.type === "organization")
    .map((m) => m.text);

describe("organizations the rules and the model find together", () => {
  it.each([
    ["Rebels attacked the 70th Armoured Brigade at al-Kiswah.", "70th Armoured Brigade"],
    ["He was elected to the Parliament of Norway in 1993.", "Parliament of Norway"],
    ["It fought the Islamic State of Iraq and the Levant near Mosul.", "Islamic State of Iraq and the Levant"],
  ])("keeps the whole name the model read around what a rule found: %s", (text, name) => {
    expect(organizations(text)).toEqual([name]);
  });

  it.each([
    ["By evening the Army withdrew towards Hama.", "Army"],
    ["He served four years in the Senate before the war.", "Senate"],
  ])("keeps a capitalised generic word the model read as a body: %s", (text, name) => {
    expect(organizations(text)).toEqual([name]);
  });

  it("starts a second name at a second head word after 'and'", () => {
    const text = "The parties were the Socialist Party of Serbia and Serbian Radical Party.";
    expect(organizations(text, { model: false })).toEqual(["Socialist Party of Serbia", "Serbian Radical Party"]);
    expect(organizations("They formed the Association of Soldiers and Officers.", { model: false })).toEqual([
      "Association of Soldiers and Officers",
    ]);
  });

  it("takes a known organization written in lower case for one only in text without capitals", () => {
    expect(organizations("The military committee decided to act.")).toEqual([]);
    expect(organizations("The Military Committee decided to act.")).toEqual(["Military Committee"]);
    expect(organizations("the military committee decided to act.", { caseless: true })).toEqual(["military committee"]);
  });
});

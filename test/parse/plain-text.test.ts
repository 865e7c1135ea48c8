import { describe, expect, it } from "vitest";
import { looksLikeTokenDump } from "../../src/parse/readers/plain-text.js";
import { SEED_000, SEED_001 } from "../decode/fixtures.js";
import { expectExactMaps, originalOf, parseFixture, parseText } from "./helpers.js";

describe("plain-text reader", () => {
  it("reads seed 000 as a derived token dump, titled by its file name, with the mojibake repaired", () => {
    const { source, documents } = parseFixture(SEED_000);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({ format: "text", kind: "derived", title: "000_9315912dd29048b6", sections: [] });
    expect(document!.text.startsWith("ar rashid revolt refers 1963 failed uprising")).toBe(true);
    const dash = document!.text.indexOf("iraqi–soviet") + 5;
    expect(originalOf(document!, source, dash, dash + 1)).toBe("â€“");
    expectExactMaps(documents, source);
  });

  it("reads prose as kind other, titled by its short first line, keeping the text as it is", () => {
    const text =
      "Iraq, 1958\r\n\r\nThe monarchy was overthrown on 14 July. Qasim became prime minister.\r\n\r\nArif was his deputy.";
    const { source, documents } = parseText(text, "notes/iraq.txt");
    expect(documents[0]).toMatchObject({ format: "text", kind: "other", title: "Iraq, 1958", text });
    expectExactMaps(documents, source);
  });

  it("tells a token dump from prose", () => {
    const seed001 = parseFixture(SEED_001).source.text;
    expect(looksLikeTokenDump(seed001)).toBe(false);
    expect(looksLikeTokenDump(parseFixture(SEED_000).source.text)).toBe(true);
    expect(looksLikeTokenDump("too short to tell")).toBe(false);
  });
});

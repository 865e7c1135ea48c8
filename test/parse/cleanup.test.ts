import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page, SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import { analyseDocument } from "../../src/ingest/analyse.js";
import { parse } from "../../src/parse/index.js";
import { cleanUpOcrText, findFurniture, looksLikePageText } from "../../src/parse/cleanup/index.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/ocr");

interface Annotations {
  hyphens: { broken: string; clean: string }[];
  furniture: string[];
}

function readFixture(name: string): SourceDocument {
  const path = join(FIXTURES, name);
  return parse(decode(readFileSync(path), path))[0]!;
}

const lineOf = (text: string, start: number): string => {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const to = text.indexOf("\n", start);
  return text.slice(from, to < 0 ? text.length : to).trim();
};

describe("words broken across line ends", () => {
  it("are rejoined, and the map leads the rejoined word back to both halves", () => {
    const raw = "an attack early yesterday morn-\ning against a camp";
    const clean = cleanUpOcrText(raw, []);
    expect(clean.text).toBe("an attack early yesterday morning against a camp");
    const at = clean.text.indexOf("ing against");
    expect(raw.slice(clean.map.toSource(at))).toMatch(/^ing against/);
    expect(clean.toClean(raw.indexOf("against"))).toBe(clean.text.indexOf("against"));
  });

  it("keep the hyphen of a compound the document writes with one, or of self-", () => {
    expect(cleanUpOcrText("a center-left cabinet, the center-\nleft one", []).text).toBe(
      "a center-left cabinet, the center-left one",
    );
    expect(cleanUpOcrText("it was self-\nevident", []).text).toBe("it was self-evident");
  });

  it("leave a hyphen before a capital alone, and read a tilde between letters as a hyphen", () => {
    expect(cleanUpOcrText("Indonesia-\nMalaysia", []).text).toBe("Indonesia-\nMalaysia");
    expect(cleanUpOcrText("their high post~coup level", []).text).toBe("their high post-coup level");
  });

  it("are only looked for in page text, not in prose with one paragraph a line", () => {
    const prose = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} is a long line of prose `.repeat(4)).join("\n");
    expect(looksLikePageText(prose)).toBe(false);
    const wrapped = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? "a word bro-" : "ken here and more")).join(
      "\n",
    );
    expect(looksLikePageText(wrapped)).toBe(true);
  });
});

describe("page furniture", () => {
  const bodies = ["The army moved.", "Tanks came in.", "The city was calm.", "Then it rained.", "Nothing else."];
  const pageTexts = [1, 2, 3].map(
    (n) =>
      `SECRET\nNotes on the army, part ${n}\n${bodies[n - 1]}\n${n * 10}\n${bodies.slice(n, n + 2).join("\n")}\n- ${n} -`,
  );
  const text = pageTexts.join("\n\n");
  const pages: Page[] = [];
  let start = 0;
  for (const [i, pageText] of pageTexts.entries()) {
    pages.push({ number: i + 1, start, end: start + pageText.length });
    start += pageText.length + 2;
  }
  const lines = (spans: { start: number; end: number }[]) => spans.map((span) => text.slice(span.start, span.end));

  it("is the stamps, page numbers and running heads, not the text", () => {
    expect(lines(findFurniture(text, pages))).toEqual([
      "SECRET",
      "Notes on the army, part 1",
      "- 1 -",
      "SECRET",
      "Notes on the army, part 2",
      "- 2 -",
      "SECRET",
      "Notes on the army, part 3",
      "- 3 -",
    ]);
  });

  it("is not a line said twice, nor a number inside a page", () => {
    const body = "Baghdad\nThe city was calm.\n1963\nThe curfew was lifted.\nBaghdad\nTroops stayed.\nIt ended.";
    expect(findFurniture(body, [])).toEqual([]);
  });

  it("is kept out of the search index and of mentions but stays in the text", () => {
    const document = readFixture("jfk_doc_1093.md");
    expect(document.text).toContain("For The President Only - Top Secret");
    const indexed = (d: SourceDocument) =>
      analyseDocument(d).passages.some((p) => p.terms.split(" ").includes("secret"));
    expect(indexed(document)).toBe(false);
    expect(indexed({ ...document, furniture: [] })).toBe(true);
    const inFurniture = (offset: number) => document.furniture!.some((f) => f.start <= offset && offset < f.end);
    expect(analyseDocument(document).mentions!.filter((mention) => inFurniture(mention.start))).toEqual([]);
  });
});

describe("clean-up scored on hand-annotated CIA briefs (OCR, November 1963)", () => {
  const annotations = JSON.parse(readFileSync(join(FIXTURES, "annotations.json"), "utf8")) as Record<
    string,
    Annotations
  >;
  let rejoinedRight = 0;
  let breaks = 0;
  let truePositives = 0;
  let flagged = 0;
  let annotatedFurniture = 0;
  for (const [name, annotated] of Object.entries(annotations)) {
    const document = readFixture(name);
    breaks += annotated.hyphens.length;
    rejoinedRight += annotated.hyphens.filter((h) => document.text.includes(h.clean)).length;
    const truth = new Set(annotated.furniture);
    const flaggedLines = (document.furniture ?? []).map((span) => lineOf(document.text, span.start));
    flagged += flaggedLines.length;
    truePositives += flaggedLines.filter((line) => truth.has(line)).length;
    annotatedFurniture += document.text.split("\n").filter((line) => truth.has(line.trim())).length;
  }

  it("rejoins at least 95% of the broken words as a reader would", () => {
    process.stderr.write(`hyphen rejoining: ${rejoinedRight}/${breaks} right\n`);
    expect(rejoinedRight / breaks).toBeGreaterThanOrEqual(0.95);
  });

  it("finds page furniture with precision ≥ 0.9 and recall ≥ 0.7", () => {
    process.stderr.write(
      `furniture: precision ${(truePositives / flagged).toFixed(3)} (${truePositives}/${flagged}), recall ${(truePositives / annotatedFurniture).toFixed(3)} (${truePositives}/${annotatedFurniture})\n`,
    );
    expect(truePositives / flagged).toBeGreaterThanOrEqual(0.9);
    expect(truePositives / annotatedFurniture).toBeGreaterThanOrEqual(0.7);
  });
});

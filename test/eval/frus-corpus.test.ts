import { describe, expect, it } from "vitest";
import { loadFrusDocuments, shortId } from "../../src/eval/frus-corpus.js";
import { agrees, chronoDocumentDate } from "../../src/eval/frus-dates.js";
import { goldPersons } from "../../src/eval/frus-resolution.js";

describe("the FRUS excerpt", () => {
  const documents = loadFrusDocuments();

  it("parses into the 23 documents 109–131", () => {
    expect(documents.map(shortId)).toEqual(Array.from({ length: 23 }, (_, i) => `d${109 + i}`));
  });

  it("has persName spans with corresp refs, the text under each span being the name", () => {
    const withRef = goldPersons(documents).filter((p) => p.cluster !== "");
    expect(withRef.length).toBeGreaterThan(100);
    expect(new Set(withRef.map((p) => p.cluster)).size).toBeGreaterThan(30);
    const d109 = documents.find((d) => shortId(d) === "d109")!;
    const qasim = d109.markup.find((m) => m.ref === "p_QGAK1");
    expect(qasim && d109.text.slice(qasim.start, qasim.end)).toBe("Brig Abdul Karim Qassim");
  });

  it("has dateline dates on every document but the four editorial notes", () => {
    const dates = Object.fromEntries(documents.map((d) => [shortId(d), d.metadata.date]));
    expect(Object.values(dates).filter((date) => date !== undefined)).toHaveLength(19);
    expect(dates.d110).toBe("1958-07-14");
    expect(dates.d130).toBe("1958-07-23");
    expect(dates.d109).toBeUndefined();
  });
});

describe("date agreement", () => {
  it("compares at a precision and never credits a coarser prediction at a finer one", () => {
    expect(agrees("1958-07-14", "1958-07-14", "day")).toBe(true);
    expect(agrees("1958-07-14", "1958", "year")).toBe(true);
    expect(agrees("1958-07-14", "1958", "month")).toBe(false);
    expect(agrees("1958-07-14", "1958-07-15", "month")).toBe(true);
    expect(agrees("1958-07-14", undefined, "year")).toBe(false);
  });

  it("reads chrono's first date as a day", () => {
    expect(chronoDocumentDate("Telegram\n\nBaghdad, July 14, 1958, 11 p.m.\n\nText.").value).toBe("1958-07-14");
  });
});

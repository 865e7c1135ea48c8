import { describe, expect, it } from "vitest";
import { extractDates } from "../../src/annotate/dates/index.js";
import { isReferenceNumber, referenceNumberFilter } from "../../src/annotate/dates/refiners/reference-numbers.js";
import type { Candidate, Paragraph } from "../../src/annotate/dates/types.js";

const REFERENCE = { referenceDate: "1958-12-10" };
const found = (text: string): [string, string][] =>
  extractDates(text, REFERENCE).map((date) => [date.text, date.value]);

/** Whether the first occurrence of `number` in `text` reads as a reference number. */
function isReference(text: string, number: string): boolean {
  const start = text.indexOf(number);
  return isReferenceNumber(text, start, start + number.length);
}

describe("numbers that are not years", () => {
  it("drops telegram numbers and keeps the date after them, with the document's year", () => {
    expect(found("Your telegrams 1753 and 1754, December 3, were received.")).toEqual([["December 3", "1958-12-03"]]);
    expect(found("Deptel 1960 and Embtels 1810, 1811 and 1812 of July 14, 1958.")).toEqual([
      ["July 14, 1958", "1958-07-14"],
    ]);
  });

  it("drops document, despatch and paragraph numbers", () => {
    expect(found("See despatch No. 1958 and document 1959.")).toEqual([]);
    expect(found("As stated in paragraph 1960 of the report; para. 1961 adds nothing.")).toEqual([]);
  });

  it("drops ordinals and a cable's number after its dateline", () => {
    expect(isReference("The 383d Meeting of the Council", "383")).toBe(true);
    expect(isReference("at its 1961st meeting", "1961")).toBe(true);
    const cable = "Baghdad, July 14, 1958, 11 p.m. 1753. Following is the Embassy's assessment.";
    expect(found(cable)).toEqual([["July 14, 1958", "1958-07-14"]]);
  });

  it("keeps years after ordinary words, after a list that is not of references, and file numbers stay out", () => {
    expect(found("In 1958 the monarchy fell; by 1963 it was gone.")).toEqual([
      ["1958", "1958"],
      ["1963", "1963"],
    ]);
    expect(found("The coups of 1958 and 1963 differ.")).toEqual([
      ["1958", "1958"],
      ["1963", "1963"],
    ]);
    expect(isReference("the telegram of 1958", "1958")).toBe(false);
    expect(found("Source: Central Files, 787.00/7–1458. Secret.")).toEqual([]);
  });
});

describe("the refiner", () => {
  const paragraph: Paragraph = { index: 0, offset: 0, text: "telegrams 1753 and 1754, December 3, 1958" };
  const at = (text: string, extractor: string): Candidate => {
    const start = paragraph.text.indexOf(text);
    return { start, end: start + text.length, extractor, confidence: 0.9, setsContextYear: true, paragraph: 0 };
  };

  it("drops any parser's candidate that starts with a reference number, and no other", () => {
    const candidates = [at("1753 and 1754", "range"), at("1754", "bare-year"), at("December 3, 1958", "chrono")];
    const kept = referenceNumberFilter.refine(paragraph, candidates, {});
    expect(kept.map((c) => paragraph.text.slice(c.start, c.end))).toEqual(["December 3, 1958"]);
  });
});

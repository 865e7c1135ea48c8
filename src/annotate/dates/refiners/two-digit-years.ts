import type { ParagraphRefiner } from "../types.js";

const APOSTROPHE_YEAR = /^\s?['’‘]\s?(\d{2})(?![\d'’])/;

/** "25 May '62", "Oct. '63": a day or month followed by an apostrophe year, in the document's century. */
export const twoDigitYearRefiner: ParagraphRefiner = {
  name: "two-digit-year",
  refine(paragraph, candidates, setup) {
    return candidates.map((found) => {
      const from = found.from;
      if (!from || found.to || from.year !== undefined || (from.unit !== "day" && from.unit !== "month")) return found;
      const match = APOSTROPHE_YEAR.exec(paragraph.text.slice(found.end, found.end + 6));
      if (!match) return found;
      const reference = setup.referenceYear ?? 1950;
      let year = Math.floor(reference / 100) * 100 + Number(match[1]);
      if (year > reference + 20) year -= 100;
      return { ...found, end: found.end + match[0].length, from: { ...from, year }, confidence: 0.8 };
    });
  },
};

import type { DocumentDateExtractor } from "./types.js";
import { foundAt, hasExplicitYear, headLines } from "./types.js";

/** Markup and punctuation a date line may carry: "**December 18, 1958**", "## 23 NOVEMBER 1963." */
const LEADING = /^[\s*_#>|]+/;
const TRAILING = /[\s*_|.,;]+$/;

/** The first line near the top that is only a full date, in any case: "23 NOVEMBER 1963", "11/23/1963". */
export const firstDateExtractor: DocumentDateExtractor = {
  name: "first-date",
  find({ text }, dates) {
    for (const { line, offset } of headLines(text)) {
      const start = LEADING.exec(line)?.[0].length ?? 0;
      const date = line.slice(start).replace(TRAILING, "");
      if (date.length < 6 || date.length > 40 || !/\d/.test(date)) continue;
      const mentions = dates(date);
      const only = mentions[0];
      if (mentions.length !== 1 || !only || only.precision !== "day" || !hasExplicitYear(only)) continue;
      if (only.start === 0 && only.end === date.length) return foundAt(only, offset + start, "first-date");
    }
    return undefined;
  },
};

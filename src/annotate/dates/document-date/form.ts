import type { DocumentDateExtractor } from "./types.js";
import { foundAt, hasExplicitYear, headLines } from "./types.js";

/** A form's or letterhead's date field: "DATE: — 11/25/1963", "Date: July 14, 1958", "Dated: 3 March 1963". */
const DATE_FIELD = /^[ \t*_#>|]*dated?[ \t*_]*[:：][ \t*_]*[-–—]*[ \t]*/i;
const TRAILING = /[ \t*_|.,;]*$/;

export const formExtractor: DocumentDateExtractor = {
  name: "form",
  find({ text }, dates) {
    for (const { line, offset } of headLines(text)) {
      const label = DATE_FIELD.exec(line);
      if (!label) continue;
      const valueStart = label[0].length;
      const value = line.slice(valueStart).replace(TRAILING, "");
      const mentions = dates(value);
      const only = mentions[0];
      if (mentions.length !== 1 || !only || !hasExplicitYear(only)) continue;
      if (only.precision !== "day" && only.precision !== "month") continue;
      if (only.start === 0 && only.end === value.length) return foundAt(only, offset + valueStart, "form");
    }
    return undefined;
  },
};

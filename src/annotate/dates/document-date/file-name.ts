import { basename } from "node:path";
import { isPlausibleYear } from "../calendar.js";
import type { DocumentDateExtractor } from "./types.js";

const pad = (n: number): string => String(n).padStart(2, "0");

/** "1958-07-14", "1958_07_14", "19580714" standing apart from other digits. */
const FULL_DATE = /(?<![\d])(1[5-9]\d{2}|20\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/;
/** A year set off by separators: "EGY_13_1958.txt", "report 1963.txt", "1958-speech.md". */
const YEAR = /(?:^|[-_ .])(1[6-9]\d{2}|20\d{2})(?=[-_ .]|$)/;

/** The date in a file's name, when the name carries one ("EGY_13_1958.txt" → 1958). */
export const fileNameExtractor: DocumentDateExtractor = {
  name: "file-name",
  find({ path }) {
    const name = basename(path).replace(/\.[^.]*$/, "");
    const full = FULL_DATE.exec(name);
    if (full) {
      const [year, month, day] = [Number(full[1]), Number(full[3]), Number(full[4])];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCDate() === day && isPlausibleYear(year)) {
        return { value: `${year}-${pad(month)}-${pad(day)}`, source: "file-name" };
      }
    }
    const year = YEAR.exec(name)?.[1];
    return year !== undefined && isPlausibleYear(Number(year)) ? { value: year, source: "file-name" } : undefined;
  },
};

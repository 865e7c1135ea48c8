import { intervalOf, shareRangeYears } from "../calendar.js";
import type { Candidate, DateSpec, ParagraphRefiner } from "../types.js";

/**
 * Joins two adjacent dates into a range when the words say so: "from 1958 to 1963", "between November 13 and
 * November 18, 1963", "February 8 – July 3, 1963". Dates joined by a bare "and" are a list, not a range
 * ("February and August 1963"), but an earlier date without a year takes the year of the later one.
 */
const RANGE_GAP = /^[^\S\n]*(?:–|—|-|to|until|till|through|thru)[^\S\n]*$/i;
const AND_GAP = /^[^\S\n]*and[^\S\n]*$/i;
const LIST_GAP = /^[^\S\n]*(?:,|and|or|&|,[^\S\n]*and|,[^\S\n]*or)[^\S\n]*$/i;
const OPENER = /\b(from|between)\s+$/i;

/** The start comes first and the two ends differ ("1956 - 1956" is no range). */
function isOrdered(from: DateSpec, to: DateSpec): boolean {
  const first = intervalOf(from);
  const last = intervalOf(to);
  if (!first || !last) return true;
  return first.earliest <= last.latest && (first.earliest !== last.earliest || first.latest !== last.latest);
}

function joinable(found: Candidate): found is Candidate & { from: DateSpec } {
  return found.from !== undefined && found.from.unit !== "decade" && found.from.unit !== "century";
}

export const rangeRefiner: ParagraphRefiner = {
  name: "range",
  refine(paragraph, candidates) {
    const out: Candidate[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const first = candidates[i];
      const second = candidates[i + 1];
      if (!first) continue;
      if (!second || !joinable(first) || !joinable(second)) {
        out.push(first);
        continue;
      }
      const gap = paragraph.text.slice(first.end, second.start);
      const opener = OPENER.exec(paragraph.text.slice(Math.max(0, first.start - 12), first.start));
      const isRange = RANGE_GAP.test(gap) || (AND_GAP.test(gap) && opener?.[1]?.toLowerCase() === "between");
      if (isRange) {
        // "from mid-2012 to mid-2013" joins two ranges: the start of the first to the end of the second.
        const [from, to] = shareRangeYears(first.from, second.to ?? second.from);
        if (isOrdered(from, to)) {
          const start = first.start - (opener ? opener[0].length : 0);
          const confidence = Math.min(first.confidence, second.confidence);
          out.push({ ...first, start, end: second.end, extractor: "range", confidence, from, to });
          i++;
          continue;
        }
      }
      if (LIST_GAP.test(gap) && !first.to && first.from.year === undefined && second.from.year !== undefined) {
        out.push({ ...first, from: shareRangeYears(first.from, second.from)[0] });
        continue;
      }
      out.push(first);
    }
    return out;
  },
};

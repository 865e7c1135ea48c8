import type { Candidate, DateUnit, ParagraphRefiner } from "../types.js";

const FINENESS: Record<DateUnit, number> = {
  day: 0,
  month: 1,
  season: 2,
  quarter: 3,
  half: 4,
  year: 5,
  decade: 6,
  century: 7,
};

function fineness(found: Candidate): number {
  return found.from ? FINENESS[found.from.unit] : 0;
}

function statesYear(found: Candidate): number {
  return found.from?.year === undefined ? 0 : 1;
}

/**
 * Of overlapping candidates keeps the longest, then the most precise, then one that states its year,
 * then the most confident, then the first parser's.
 */
export const overlapRemoval: ParagraphRefiner = {
  name: "overlap",
  refine(_paragraph, candidates) {
    const ranked = candidates
      .map((found, order) => ({ found, order }))
      .sort(
        (a, b) =>
          b.found.end - b.found.start - (a.found.end - a.found.start) ||
          fineness(a.found) - fineness(b.found) ||
          statesYear(b.found) - statesYear(a.found) ||
          b.found.confidence - a.found.confidence ||
          a.order - b.order,
      );
    const kept: Candidate[] = [];
    for (const { found } of ranked) {
      if (kept.every((other) => found.end <= other.start || found.start >= other.end)) kept.push(found);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};

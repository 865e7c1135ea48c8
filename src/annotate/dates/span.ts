import type { Candidate, DateSpec, Paragraph } from "./types.js";

const LEADING_NOISE = /^[\s,;(\uff08]*(?:(?:on|in|at|by)\s+)?/i;
const TRAILING_NOISE = /[\s,;)\uff09.]*$/;

/** Narrows [start, end) of paragraph text to the date expression without a leading preposition or punctuation. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const slice = text.slice(start, end);
  const lead = LEADING_NOISE.exec(slice)?.[0].length ?? 0;
  const rest = slice.slice(lead);
  const kept = rest.replace(TRAILING_NOISE, "");
  // Keep an abbreviation dot ("Nov.") that the trailing strip would remove.
  const keepDot =
    /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i.test(kept) && rest.startsWith(".", kept.length) ? 1 : 0;
  return { start: start + lead, end: start + lead + kept.length + keepDot };
}

export function candidate(
  paragraph: Paragraph,
  start: number,
  end: number,
  extractor: string,
  confidence: number,
  from: DateSpec,
  extra: Partial<Pick<Candidate, "to" | "setsContextYear">> = {},
): Candidate {
  return {
    start,
    end,
    extractor,
    confidence,
    from,
    setsContextYear: extra.setsContextYear ?? true,
    paragraph: paragraph.index,
    ...(extra.to ? { to: extra.to } : {}),
  };
}

/** Runs a global regex over the paragraph; `build` returns a candidate or nothing for each match. */
export function scan(
  pattern: RegExp,
  paragraph: Paragraph,
  build: (match: RegExpExecArray) => Candidate | Candidate[] | undefined,
): Candidate[] {
  const found: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(paragraph.text); match; match = pattern.exec(paragraph.text)) {
    const built = build(match);
    if (Array.isArray(built)) found.push(...built);
    else if (built) found.push(built);
  }
  return found;
}

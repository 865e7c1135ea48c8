import { addDays, dayOf, daySpec, isValidDay, weekdayOf } from "../calendar.js";
import type { Candidate, DateSpec, YearMonthDay } from "../types.js";

/**
 * The document-level refiner. Walking the mentions in text order it
 * - gives dates without a year the nearest explicit year before them (same paragraph, else earlier paragraphs,
 *   else the document date, else the document's most frequent year);
 * - lets a named weekday pick the year: "Tuesday, November 12" in 1963 context is 1963-11-12; when the weekday
 *   does not fit the context year, the nearest year (±6) where it does, with lower confidence;
 * - anchors "the next day" on the previous day-precision mention.
 */
export interface YearSources {
  referenceYear?: number;
  /** The document's most frequent explicit year, computed only when needed. */
  fallbackYear: () => number | undefined;
}

interface ContextYear {
  year: number;
  confidence: number;
}

const WEEKDAY_SEARCH_SPAN = 6;
const FIRM_CONFIDENCE = 0.8;

function statedYear(found: Candidate): number | undefined {
  if (!found.setsContextYear) return undefined;
  const spec = found.to ?? found.from;
  if (!spec || spec.unit === "decade" || spec.unit === "century") return undefined;
  return spec.year;
}

function yearForWeekday(spec: DateSpec, contextYear: number): { year: number; confidence: number } {
  const { month, day, weekday } = spec;
  if (month === undefined || day === undefined || weekday === undefined) return { year: contextYear, confidence: 0.4 };
  for (let distance = 0; distance <= WEEKDAY_SEARCH_SPAN; distance++) {
    for (const year of distance === 0 ? [contextYear] : [contextYear - distance, contextYear + distance]) {
      if (isValidDay(year, month, day) && weekdayOf({ year, month, day }) === weekday) {
        return { year, confidence: distance === 0 ? 0.9 : 0.6 };
      }
    }
  }
  return { year: contextYear, confidence: 0.4 };
}

function withImpliedYear(found: Candidate & { from: DateSpec }, context: ContextYear): Candidate {
  const { from, to } = found;
  if (from.year !== undefined) return found;
  if (from.unit === "decade") {
    const year = Math.floor(context.year / 100) * 100 + (from.part ?? 0);
    return { ...found, from: { ...from, year }, confidence: Math.min(found.confidence, context.confidence) };
  }
  if (from.weekday !== undefined && from.unit === "day") {
    const picked = yearForWeekday(from, context.year);
    const confidence = Math.min(found.confidence, picked.confidence, context.confidence + 0.1);
    return { ...found, extractor: "weekday-year", from: { ...from, year: picked.year }, confidence };
  }
  const resolvedTo = to && to.year === undefined ? { ...to, year: context.year } : to;
  return {
    ...found,
    from: { ...from, year: context.year },
    ...(resolvedTo ? { to: resolvedTo } : {}),
    confidence: Math.min(found.confidence, context.confidence),
  };
}

export function resolveYears(candidates: Candidate[], sources: YearSources): Candidate[] {
  let stated: { year: number; paragraph: number } | undefined;
  // A year stated with confidence carries over into later paragraphs; "its 1959 majority" does not.
  let statedFirmly: { year: number; paragraph: number } | undefined;
  let lastDay: { date: YearMonthDay; paragraph: number } | undefined;
  const contextFor = (paragraph: number): ContextYear | undefined => {
    if (stated?.paragraph === paragraph) return { year: stated.year, confidence: 0.85 };
    if (statedFirmly) return { year: statedFirmly.year, confidence: 0.75 };
    if (sources.referenceYear !== undefined) return { year: sources.referenceYear, confidence: 0.7 };
    const fallback = sources.fallbackYear();
    return fallback === undefined ? undefined : { year: fallback, confidence: 0.5 };
  };
  const resolved: Candidate[] = [];
  for (const found of candidates) {
    let result: Candidate | undefined;
    if (found.daysAfterPrevious !== undefined) {
      if (!lastDay) continue;
      const date = addDays(lastDay.date, found.daysAfterPrevious);
      const confidence = lastDay.paragraph === found.paragraph ? found.confidence : Math.min(found.confidence, 0.5);
      result = { ...found, from: daySpec(date), confidence };
    } else if (found.from) {
      const context = found.from.year === undefined ? contextFor(found.paragraph) : undefined;
      if (found.from.year === undefined && !context) continue;
      result = context ? withImpliedYear({ ...found, from: found.from }, context) : found;
    }
    if (!result) continue;
    resolved.push(result);
    const year = statedYear(found);
    if (year !== undefined) stated = { year, paragraph: found.paragraph };
    if (year !== undefined && found.confidence >= FIRM_CONFIDENCE) statedFirmly = stated;
    const day = dayOf(result.to ?? result.from ?? { unit: "year" });
    if (day) lastDay = { date: day, paragraph: found.paragraph };
  }
  return resolved;
}

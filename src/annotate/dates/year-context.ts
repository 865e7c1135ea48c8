/**
 * Whether a four-digit number in running text is a year: the words and characters around it decide.
 * "in 1968" and "1963 failed uprising" are years; "2000 soldiers", "No. 1958", "288.f.32/1958", "177-10002-1958"
 * and "at least 1500" are not.
 */

import { isReferenceNumber } from "./refiners/reference-numbers.js";

const NUMBER_GLUE = /[.,/:;]/;
const DASHES = /[-–—]/;
const HYPHEN_PREFIXES = new Set(["mid", "pre", "post", "early", "late", "circa", "c", "ca", "end", "summer", "winter"]);

/** True when [start, end) is part of a larger number or identifier: "1,958", "32/1958", "1958.5", "10002-1958", "x_2003.jpg". */
export function isGluedToNumber(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? " ";
  const beforeBefore = text[start - 2] ?? " ";
  const after = text[end] ?? " ";
  const afterAfter = text[end + 1] ?? " ";
  if (/[\d#$£€№_]/.test(before) || /[\d_]/.test(after)) return true;
  // A file name or a URL: "baghdad_2003.JPEG".
  if (after === "." && /\p{L}/u.test(afterAfter)) return true;
  if (NUMBER_GLUE.test(before) && /[\p{L}\d]/u.test(beforeBefore)) return true;
  if (DASHES.test(before)) {
    if (/\d/.test(beforeBefore)) return true;
    if (/\p{L}/u.test(beforeBefore)) {
      const word = /[\p{L}]+$/u.exec(text.slice(Math.max(0, start - 12), start - 1))?.[0].toLowerCase() ?? "";
      if (!HYPHEN_PREFIXES.has(word)) return true;
    }
  }
  if ((NUMBER_GLUE.test(after) || DASHES.test(after)) && /\d/.test(afterAfter)) return true;
  return false;
}

/** Words before a number that make it a count, an identifier or a reference, not a year. */
const NOT_YEAR_BEFORE =
  /(?:\b(?:no|nos|p|pp|pages?|vol|volume|numbers?|box|file|folder|doc|document|record|item|series|serial|reel|frame|telegram|cable|despatch|dispatch|airgram|message|msg|resolution|law|decree|article|chapter|section|order|flight|route|highway|room|code|model|type|class|grade|level|version|footnote|note|ref|id|tel|phone|fax|than|least|up to|total of|totall?ing|numbering|approximately|approx|nearly|almost|over|some|estimated|roughly|killing|killed|strength|population|area|height|elevation|altitude|at)\.?\s*[:#]?\s*)$/i;

/** "700 to 1000 shops": the number before is a count, so this one is too. */
const COUNT_BEFORE = /(?<![\d,.])\d{1,3}(?:,\d{3})*\s*(?:to|-|–|and|or)\s*$/i;

/** Words after a number that make it a quantity, a time or a UN resolution ("2023 (XX)"). */
const NOT_YEAR_AFTER =
  /^\s*(?:\((?:[IVXLC]+|ES-[IVX]+)\)|%|per\s*cent|percent|km|kilomet|miles?\b|mi\b|metres?|meters?|m\b|m2|km2|kg|lbs?\b|tons?\b|tonnes?|people|persons?|person\b|soldiers?|troops?|fighters?|men\b|man\b|women|children|civilians?|officers?|killed|dead|deaths?|wounded|injured|casualties|casualty|prisoners?|refugees?|famil|houses?|homes?|vehicles?|tanks?|aircraft|planes?|rounds?|dollars?|pounds?|hectares?|acres?|feet|foot|ft\b|sq\b|square|members?|votes?|students?|workers?|employees?|militants?|rebels?|insurgents?|hours?|hrs?\b|h\b|gmt|utc|zulu|local\s+time|residents?|inhabitants?|villages?|pages?|words?|copies|units?|guns?|rifles?|shells?|missiles?|rockets?|bombs?|seats?|delegates?|detainees?|communists?|guards?|policemen|-strong|bc\b|bce\b)/i;

/** Words before a year that make it very likely a year. */
const YEAR_BEFORE =
  /(?:\b(?:in|since|until|till|by|during|from|to|of|after|before|circa|c|ca|year|years|early|late|mid|and|or|between|through|throughout|spring|summer|autumn|fall|winter|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?|[([])\s*-?$/i;

export type YearEvidence = "not-a-year" | "weak" | "strong";

/** "No. 1958", "at least 1500", "2000 soldiers", "1430 hours". */
export function readsAsCountOrReference(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (NOT_YEAR_BEFORE.test(before) || COUNT_BEFORE.test(before)) return true;
  return NOT_YEAR_AFTER.test(text.slice(end, end + 24)) || isReferenceNumber(text, start, end);
}

export function yearEvidence(text: string, start: number, end: number): YearEvidence {
  if (isGluedToNumber(text, start, end) || readsAsCountOrReference(text, start, end)) return "not-a-year";
  return YEAR_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ? "strong" : "weak";
}

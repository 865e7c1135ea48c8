import type { Season } from "./types.js";

const MONTH_NUMBERS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** A month name or its abbreviation, with an optional abbreviation dot; use with the "i" flag. */
export const MONTH_PATTERN =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** A plausible four-digit year not glued to other digits. */
export const YEAR_PATTERN = "(?<![\\d])(?:1\\d{3}|20\\d{2}|2100)(?![\\d])(?!s\\b)";

export const SEASON_PATTERN = "(?:spring|summer|autumn|fall|winter)";

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

export const SMALL_NUMBER_PATTERN = "(?:\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

export function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS[word.toLowerCase().replace(/\.$/, "")];
}

export function smallNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : NUMBER_WORDS[lower];
}

export function seasonOf(word: string): Season {
  const lower = word.toLowerCase();
  return lower === "fall" ? "autumn" : (lower as Season);
}

/** What chrono (as configured) needs to find anything: a month or weekday name, or digits around / . or -. */
export const CHRONO_TRIGGER =
  /\d[/.-]\d|(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|satur|sun)(?:day)?)(?![a-z])/i;

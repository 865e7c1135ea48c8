export type DatePrecision = "day" | "month" | "season" | "half" | "quarter" | "year" | "decade" | "century" | "range";

export interface DateMention {
  /** Offsets into the text passed to extractDates, end exclusive. */
  start: number;
  end: number;
  text: string;
  value: string;
  /** ISO day: first day of the interval. */
  earliest: string;
  /** ISO day: last day of the interval. */
  latest: string;
  precision: DatePrecision;
  /** The parser or refiner that produced the mention. */
  extractor: string;
  confidence: number;
}

export interface DateContext {
  /** ISO date of the document (YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  referenceDate?: string;
  /** Paragraph spans; when absent the text is split on blank lines. */
  paragraphs?: { start: number; end: number }[];
}

export type DateUnit = Exclude<DatePrecision, "range">;

export type Season = "spring" | "summer" | "autumn" | "winter";

/** A calendar interval as the text states it. A missing year is implied and resolved from context later. */
export interface DateSpec {
  unit: DateUnit;
  /** For decades and centuries: the first year (1960, 1900). */
  year?: number;
  month?: number;
  day?: number;
  /** Half (1–2) or quarter (1–4). */
  part?: number;
  season?: Season;
  /** 0 = Sunday; the weekday the text names, used to pick an implied year. */
  weekday?: number;
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export interface Candidate {
  /** Offsets into the paragraph during paragraph stages, into the whole text afterwards. */
  start: number;
  end: number;
  extractor: string;
  confidence: number;
  from?: DateSpec;
  /** End of a range. */
  to?: DateSpec;
  /** "the next day": days after the previous day-precision mention. */
  daysAfterPrevious?: number;
  /** Whether an explicit year here becomes the context year for later implied years. */
  setsContextYear: boolean;
  paragraph: number;
}

export interface Paragraph {
  index: number;
  /** Offset of the paragraph in the whole text. */
  offset: number;
  text: string;
}

export interface ParsingSetup {
  /** The document date at day precision, for "yesterday" or "last Monday". */
  referenceDay?: YearMonthDay;
  /** The document date at month precision (1–12), for "last June". */
  referenceMonth?: number;
  referenceYear?: number;
}

export interface DateParser {
  readonly name: string;
  /** A cheap test on the paragraph: false skips the parser. */
  applies?(paragraph: Paragraph): boolean;
  parse(paragraph: Paragraph, setup: ParsingSetup): Candidate[];
}

export interface ParagraphRefiner {
  readonly name: string;
  refine(paragraph: Paragraph, candidates: Candidate[], setup: ParsingSetup): Candidate[];
}

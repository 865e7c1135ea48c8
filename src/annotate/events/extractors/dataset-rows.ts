import type { SourceDocument, Span, TableRow } from "../../../core/document.js";
import { isPlausibleYear, isValidDay } from "../../dates/calendar.js";
import { extractDates } from "../../dates/index.js";
import { eventColumns, type EventColumns } from "../dataset-columns.js";
import { eventDateOf, isoEventDate, type SpannedDate } from "../event-dates.js";
import { eventTypeOfName } from "../event-names.js";
import type { EventFieldValue, EventMention, EventParticipant, EventType } from "../types.js";

export const DATASET_ROW_EXTRACTOR = "dataset-row";
const CONFIDENCE = 0.9;

/** Words in a type cell that tell how the event ended ("attempted", "conspiracy"), not what it was. */
const OUTCOME_WORDS: readonly [RegExp, string][] = [
  [/\b(?:attempt(?:ed|s)?|failed|unsuccessful|foiled|abortive)\b/i, "failed"],
  [/\b(?:conspirac(?:y|ies)|plots?|plotted)\b/i, "conspiracy"],
  [/\b(?:successful|succeeded|realized|realised)\b/i, "successful"],
];
const SUCCESS = /^(?:1|yes|y|true|success(?:ful)?|succeeded|realized|realised)$/i;
const FAILURE = /^(?:0|no|n|false|fail(?:ed|ure)?|unsuccessful)$/i;
const LABEL_SUFFIX: Record<string, string> = { failed: " attempt", conspiracy: " plot" };

/**
 * One account per row of a table of events (see `eventColumns` for how columns are recognised):
 * the country as place, the date from its columns at the precision they give, the outcome as
 * `result`. The row's line of text is the quote, so the citation names the row's line.
 */
export function extractDatasetEvents(document: SourceDocument): EventMention[] {
  const table = document.table;
  const columns = table && eventColumns(table.columns);
  if (!table || !columns) return [];
  const cellText = (span: Span | null | undefined): string => (span ? document.text.slice(span.start, span.end) : "");
  const tableType = dominantType(
    table.rows.map((row) => cellText(cellAt(row, columns.type))),
    columns,
  );
  const events: EventMention[] = [];
  for (const row of table.rows) {
    const event = rowEvent(row, columns, tableType, cellText, document.title);
    if (event) events.push(event);
  }
  return events;
}

function cellAt(row: TableRow, column: number | undefined): Span | undefined {
  return column === undefined ? undefined : (row.cells[column] ?? undefined);
}

function dominantType(values: readonly string[], columns: EventColumns): EventType {
  if (columns.coded) return columns.coded.type;
  const tally = new Map<EventType, number>();
  for (const value of values) {
    const type = eventTypeOfName(value);
    if (type !== "other") tally.set(type, (tally.get(type) ?? 0) + 1);
  }
  return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "other";
}

function rowEvent(
  row: TableRow,
  columns: EventColumns,
  tableType: EventType,
  cellText: (span: Span | undefined) => string,
  dataset: string,
): EventMention | undefined {
  const placeSpan = cellAt(row, columns.place);
  const date = rowDate(row, columns, cellText);
  const kind = rowKind(row, columns, tableType, cellText);
  if (!placeSpan || !date || !kind) return undefined;
  const quote = { start: row.start, end: row.end };
  const place = cellText(placeSpan);
  const field = (span: Span, value: string): EventFieldValue => ({
    ...span,
    value,
    quote,
    extractor: DATASET_ROW_EXTRACTOR,
    confidence: CONFIDENCE,
  });
  const participants = columns.actors.flatMap((column): EventParticipant[] => {
    const span = cellAt(row, column);
    return span
      ? [
          {
            ...span,
            name: cellText(span),
            type: "organization",
            role: "agent",
            quote,
            extractor: DATASET_ROW_EXTRACTOR,
          },
        ]
      : [];
  });
  const suffix = kind.result && !/attempt|plot/i.test(kind.word) ? (LABEL_SUFFIX[kind.result.value] ?? "") : "";
  return {
    type: kind.type,
    label: `${place} ${kind.word}${suffix}, ${date.value}`,
    trigger: { ...kind.trigger, text: cellText(kind.trigger) },
    quote,
    date,
    place: { name: place, span: placeSpan },
    participants,
    fields: kind.result ? { result: [field(kind.result.span, kind.result.value)] } : {},
    named: false,
    dataset,
    extractor: DATASET_ROW_EXTRACTOR,
    confidence: CONFIDENCE,
  };
}

interface RowKind {
  type: EventType;
  /** How the label calls the event: "coup", or the type cell's own words when they are no known type. */
  word: string;
  trigger: Span;
  result?: { value: string; span: Span };
}

function rowKind(
  row: TableRow,
  columns: EventColumns,
  tableType: EventType,
  cellText: (span: Span | undefined) => string,
): RowKind | undefined {
  const typeSpan = cellAt(row, columns.type);
  const codedSpan = cellAt(row, columns.coded?.column);
  const trigger = typeSpan ?? codedSpan;
  if (!trigger) return undefined;
  const typeValue = cellText(typeSpan).trim();
  const named = eventTypeOfName(typeValue);
  const outcomeWord = OUTCOME_WORDS.find(([pattern]) => pattern.test(typeValue))?.[1];
  const type = named !== "other" ? named : typeValue && !outcomeWord ? "other" : tableType;
  const word = named !== "other" ? typeValue.toLowerCase() : type === "other" ? typeValue || "event" : type;
  const result =
    (typeSpan && outcomeWord ? { value: outcomeWord, span: typeSpan } : undefined) ??
    outcomeOf(cellAt(row, columns.outcome), cellText) ??
    codedOutcome(codedSpan, columns, cellText);
  return { type, word, trigger, ...(result ? { result } : {}) };
}

function outcomeOf(
  span: Span | undefined,
  cellText: (span: Span | undefined) => string,
): { value: string; span: Span } | undefined {
  const value = cellText(span).trim();
  if (!span || !value) return undefined;
  return { value: SUCCESS.test(value) ? "successful" : FAILURE.test(value) ? "failed" : value, span };
}

/** A code whose meaning the table's known coding gives; unknown codes stay as written. */
function codedOutcome(
  span: Span | undefined,
  columns: EventColumns,
  cellText: (span: Span | undefined) => string,
): { value: string; span: Span } | undefined {
  const value = cellText(span).trim();
  if (!span || !value) return undefined;
  return { value: columns.coding?.values[value] ?? value, span };
}

function rowDate(
  row: TableRow,
  columns: EventColumns,
  cellText: (span: Span | undefined) => string,
): SpannedDate | undefined {
  const dateSpan = cellAt(row, columns.date);
  if (dateSpan) {
    const value = cellText(dateSpan).trim();
    const mention = extractDates(value)[0];
    return isoEventDate(value, dateSpan) ?? (mention ? eventDateOf(mention, dateSpan.start) : undefined);
  }
  const parts = [columns.year, columns.month, columns.day].map((column) => cellAt(row, column));
  const [year, month, day] = parts.map((span) =>
    /^\d{1,4}$/.test(cellText(span).trim()) ? Number(cellText(span)) : 0,
  );
  if (!year || !isPlausibleYear(year)) return undefined;
  const hasMonth = month! >= 1 && month! <= 12;
  const hasDay = hasMonth && isValidDay(year, month!, day!);
  const used = parts.slice(0, hasDay ? 3 : hasMonth ? 2 : 1).filter((span): span is Span => span !== undefined);
  const span = { start: Math.min(...used.map((s) => s.start)), end: Math.max(...used.map((s) => s.end)) };
  const pad = (n: number): string => String(n).padStart(2, "0");
  const iso = `${year}${hasMonth ? `-${pad(month!)}` : ""}${hasDay ? `-${pad(day!)}` : ""}`;
  return isoEventDate(iso, span);
}

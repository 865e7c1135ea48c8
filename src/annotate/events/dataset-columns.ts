import { eventTypeOfName } from "./event-names.js";
import type { EventType } from "./types.js";

/**
 * What the columns of an event table hold, read from the header words alone:
 * - when: a `date` column, or `year` with optional `month` and `day` columns;
 * - where: `country`, `state`, `location`, `place` or `nation` (with `_name` variants);
 * - what: a `type`/`event_type`/`event`/`category` column whose values name the event ("coup",
 *   "attempted"), or a column named after an event ("coup", "revolt") whose values are codes;
 * - how it ended: `outcome`, `result`, `success`, `successful` or `realized` (1/0, yes/no, words);
 * - who: `actor`, `perpetrator`, `group` or `leader`.
 * A table is an event table when it has a when, a where and a what.
 */
export interface EventColumns {
  date?: number;
  year?: number;
  month?: number;
  day?: number;
  place: number;
  /** A column whose values name the type or the outcome of each event. */
  type?: number;
  /** A column named after an event type, holding a code per row (P&T's `coup`: 1 failed, 2 successful). */
  coded?: { column: number; type: EventType };
  outcome?: number;
  actors: number[];
  /** Meanings of the coded column's values when the table's header is one we know. */
  coding?: KnownCoding;
}

export interface KnownCoding {
  /** Who defined the coding, for the code comment and messages. */
  source: string;
  /** Header names that must all be present. */
  signature: readonly string[];
  column: string;
  values: Readonly<Record<string, string>>;
}

/**
 * Codes whose meaning is in a codebook rather than the file. Powell & Thyne, "Global instances of
 * coups from 1950 to 2010" (Journal of Peace Research 48(2), 2011), codebook: `coup` 1 = failed
 * attempt, 2 = successful coup.
 */
export const KNOWN_CODINGS: readonly KnownCoding[] = [
  {
    source: "Powell & Thyne (2011)",
    signature: ["country", "year", "month", "day", "coup"],
    column: "coup",
    values: { "1": "failed", "2": "successful" },
  },
];

const ROLE_NAMES = {
  date: ["date", "event_date", "start_date", "startdate", "date_start"],
  year: ["year", "yr"],
  month: ["month", "mo"],
  day: ["day", "dy"],
  place: ["country", "country_name", "countryname", "state", "state_name", "statename", "location", "place", "nation"],
  type: ["type", "event_type", "eventtype", "event", "category", "coup_type"],
  outcome: ["outcome", "result", "success", "successful", "realized", "realised"],
  actor: ["actor", "actor1", "perpetrator", "group", "leader"],
} as const;

export function headerName(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_|_$/g, "");
}

/** The event columns of a table, or undefined when it is not a table of events. */
export function eventColumns(columns: readonly string[]): EventColumns | undefined {
  const names = columns.map(headerName);
  const find = (role: keyof typeof ROLE_NAMES): number | undefined => {
    const index = names.findIndex((name) => (ROLE_NAMES[role] as readonly string[]).includes(name));
    return index >= 0 ? index : undefined;
  };
  const place = find("place");
  const date = find("date");
  const year = find("year");
  const type = find("type");
  const codedIndex = names.findIndex((name) => /^[a-z]+$/.test(name) && eventTypeOfName(name) !== "other");
  const coded = codedIndex >= 0 ? { column: codedIndex, type: eventTypeOfName(names[codedIndex]!) } : undefined;
  if (place === undefined || (date === undefined && year === undefined) || (type === undefined && !coded))
    return undefined;
  const coding = KNOWN_CODINGS.find(
    (known) => known.signature.every((name) => names.includes(name)) && coded && names[coded.column] === known.column,
  );
  const month = find("month");
  const day = find("day");
  const outcome = find("outcome");
  return {
    place,
    actors: names.flatMap((name, i) => ((ROLE_NAMES.actor as readonly string[]).includes(name) ? [i] : [])),
    ...(date === undefined ? {} : { date }),
    ...(year === undefined ? {} : { year }),
    ...(month === undefined ? {} : { month }),
    ...(day === undefined ? {} : { day }),
    ...(type === undefined ? {} : { type }),
    ...(outcome === undefined ? {} : { outcome }),
    ...(coded ? { coded } : {}),
    ...(coding ? { coding } : {}),
  };
}

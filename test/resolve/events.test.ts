import { describe, expect, it } from "vitest";
import type { EventMention, EventParticipant, EventType } from "../../src/annotate/events/types.js";
import type { DatePrecision } from "../../src/annotate/dates/index.js";
import { corefEvents } from "../../src/resolve/events.js";
import type { StoredEventMention } from "../../src/resolve/types.js";

let nextId = 1;
const span = { start: 0, end: 1 };

interface AccountSpec {
  doc: string;
  type?: EventType;
  label: string;
  date?: [string, string, DatePrecision];
  place?: string;
  actors?: string[];
  named?: boolean;
  at?: number;
  refersBack?: boolean;
  dataset?: string;
}

function account(spec: AccountSpec): StoredEventMention {
  const participants: EventParticipant[] = (spec.actors ?? []).map((name) => ({
    ...span,
    name,
    type: "person",
    role: "agent",
    quote: span,
    extractor: "test",
  }));
  const at = spec.at ?? 0;
  const event: EventMention = {
    type: spec.type ?? "coup",
    label: spec.label,
    trigger: { start: at, end: at + 4, text: "coup" },
    quote: { start: at, end: at + 10 },
    participants,
    fields: {},
    named: spec.named ?? false,
    extractor: "test",
    confidence: 0.8,
    ...(spec.date
      ? { date: { value: spec.date[0], earliest: spec.date[0], latest: spec.date[1], precision: spec.date[2], span } }
      : {}),
    ...(spec.place ? { place: { name: spec.place, span } } : {}),
    ...(spec.refersBack ? { refersBack: true as const } : {}),
    ...(spec.dataset ? { dataset: spec.dataset } : {}),
  };
  return { id: nextId++, documentId: spec.doc, event };
}

const byName = (_account: StoredEventMention, name: string) => `entity:${name}`;

function eventOf(events: ReturnType<typeof corefEvents>, a: StoredEventMention) {
  return events.find((e) => e.mentionIds.includes(a.id));
}

describe("corefEvents", () => {
  it("keeps coups of different countries and months apart, even when they share a participant", () => {
    const iraq = account({
      doc: "a",
      label: "February 1963 Iraqi coup",
      date: ["1963-02-08", "1963-02-08", "day"],
      actors: ["Arif"],
    });
    const syria = account({
      doc: "b",
      label: "1963 Syrian coup d'état",
      date: ["1963-03-08", "1963-03-08", "day"],
      actors: ["Arif"],
    });
    const syriaFeb = account({
      doc: "c",
      label: "Syrian coup",
      date: ["1963-02", "1963-02-28", "month"],
      actors: ["Arif"],
    });
    const events = corefEvents([iraq, syria, syriaFeb], byName);
    expect(events).toHaveLength(3);
  });

  it("merges accounts of one coup whose dates agree at their precision, with the reason", () => {
    const day = account({ doc: "a", label: "coup", date: ["1963-11-18", "1963-11-18", "day"], place: "Baghdad" });
    const month = account({
      doc: "b",
      label: "November 1963 Iraqi coup d'état",
      date: ["1963-11", "1963-11-30", "month"],
      named: true,
    });
    const events = corefEvents([day, month], byName);
    expect(events).toHaveLength(1);
    expect(events[0]!.mergeReasons.map((r) => r.reason).join(" ")).toMatch(/same country \(IQ\)/);
  });

  it("does not merge on a year-wide date without a name or a participant", () => {
    const year = account({ doc: "a", label: "1963 coup", date: ["1963", "1963-12-31", "year"], place: "Iraq" });
    const day = account({ doc: "b", label: "Iraqi coup", date: ["1963-07-18", "1963-07-18", "day"], place: "Iraq" });
    expect(corefEvents([year, day], byName)).toHaveLength(2);
    const withActor = account({
      doc: "c",
      label: "1963 coup",
      date: ["1963", "1963-12-31", "year"],
      actors: ["Qasim"],
    });
    const dayActor = account({ doc: "d", label: "coup", date: ["1963-02-08", "1963-02-08", "day"], actors: ["Qasim"] });
    expect(corefEvents([withActor, dayActor], byName)).toHaveLength(1);
  });

  it("keeps two battles of one month apart when nothing but the country joins them", () => {
    const first = account({
      doc: "a",
      type: "battle",
      label: "Battle of Khanasir",
      date: ["2016-02", "2016-02-29", "month"],
      place: "Aleppo",
    });
    const second = account({
      doc: "b",
      type: "battle",
      label: "Palmyra offensive",
      date: ["2016-02", "2016-02-29", "month"],
      place: "Palmyra",
    });
    expect(corefEvents([first, second], byName)).toHaveLength(2);
  });

  it("links a dataset row to the text event it describes but never two rows of one dataset", () => {
    const text = account({
      doc: "t",
      label: "November 1963 Iraqi coup d'état",
      date: ["1963-11-13", "1963-11-18", "range"],
      named: true,
    });
    const row = account({
      doc: "pt",
      label: "Iraq coup, 1963-11-18",
      date: ["1963-11-18", "1963-11-18", "day"],
      place: "Iraq",
      dataset: "Powell & Thyne",
    });
    const other = account({
      doc: "pt",
      label: "Iraq coup, 1963-11-19",
      date: ["1963-11-19", "1963-11-19", "day"],
      place: "Iraq",
      dataset: "Powell & Thyne",
    });
    const events = corefEvents([text, row, other], byName);
    expect(eventOf(events, row)).toBe(eventOf(events, text));
    expect(eventOf(events, other)).not.toBe(eventOf(events, text));
    expect(eventOf(events, text)!.mergeReasons[0]!.reason).toMatch(/Powell & Thyne lists a coup in IQ/);
    expect(eventOf(events, text)!.start).toBe("1963-11-13");
  });

  it("attaches an account that refers back to the event told before it, and drops it when there is none", () => {
    const coup = account({ doc: "a", label: "July 1958 coup", date: ["1958-07-14", "1958-07-14", "day"], at: 10 });
    // "three months after coup": the date is the sentence's, not the coup's; extraction leaves it out.
    const back = account({ doc: "a", label: "coup", at: 500, refersBack: true });
    // "last Monday's coup" states the coup's own date, and meets it in another document.
    const monday = account({
      doc: "c",
      label: "coup",
      date: ["1958-07-14", "1958-07-14", "day"],
      actors: ["Qasim"],
      refersBack: true,
    });
    const told = account({
      doc: "d",
      label: "14 July Revolution",
      date: ["1958-07-14", "1958-07-14", "day"],
      actors: ["Qasim"],
    });
    const orphan = account({ doc: "b", label: "coup", at: 3, refersBack: true });
    const events = corefEvents([coup, back, orphan, monday, told], byName);
    expect(eventOf(events, back)).toBe(eventOf(events, coup));
    expect(eventOf(events, coup)!.start).toBe("1958-07-14");
    expect(eventOf(events, monday)).toBe(eventOf(events, told));
    expect(eventOf(events, orphan)).toBeUndefined();
  });
});

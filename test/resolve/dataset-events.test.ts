import { describe, expect, it } from "vitest";
import type { EventMention } from "../../src/annotate/events/types.js";
import { corefEvents } from "../../src/resolve/events.js";
import type { StoredEventMention } from "../../src/resolve/types.js";

function account(id: number, label: string, day: string, extra: Partial<EventMention> = {}): StoredEventMention {
  const span = { start: 0, end: 1 };
  const event: EventMention = {
    type: "coup",
    label,
    trigger: { ...span, text: "coup" },
    quote: span,
    date: { value: day, earliest: day, latest: day, precision: "day", span },
    participants: [],
    fields: {},
    named: false,
    extractor: "test",
    confidence: 0.8,
    ...extra,
  };
  return { id, documentId: `doc-${id}`, event };
}

const row = (id: number, country: string, day: string, dataset: string) =>
  account(id, `${country} coup, ${day}`, day, { dataset, place: { name: country, span: { start: 0, end: 1 } } });

function clusters(accounts: StoredEventMention[]): number[][] {
  return corefEvents(accounts, () => undefined)
    .map((event) => [...event.mentionIds].sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
}

describe("dataset rows in event coreference", () => {
  it("links a row to the text account that names its country, and the same row of another dataset", () => {
    const iraqi = account(3, "November 1963 Iraqi coup", "1963-11-18");
    const damascus = account(4, "army coup", "1963-11-18", { place: { name: "Damascus", span: { start: 0, end: 1 } } });
    const pt = row(1, "Iraq", "1963-11-18", "ptcoups_input");
    const cline = row(2, "Iraq", "1963-11-18", "Coup_Data_v2.0.0");
    expect(clusters([pt, cline, iraqi])).toEqual([[1, 2, 3]]);
    expect(clusters([pt, cline, damascus])).toEqual([[1, 2], [4]]);
  });

  it("never merges two rows of one dataset, nor rows of two countries on one day", () => {
    const year = { value: "1963", earliest: "1963-01-01", latest: "1963-12-31", precision: "year" as const };
    const accounts = [
      account(1, "Iraq coup, 1963", "1963", {
        dataset: "coups",
        place: { name: "Iraq", span: { start: 0, end: 1 } },
        date: { ...year, span: { start: 0, end: 1 } },
      }),
      row(2, "Iraq", "1963-11-18", "coups"),
      row(3, "Syria", "1963-11-18", "other list"),
    ];
    expect(clusters(accounts)).toEqual([[1], [2], [3]]);
  });
});

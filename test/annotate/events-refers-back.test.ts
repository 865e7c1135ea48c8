import { describe, expect, it } from "vitest";
import type { EventMention } from "../../src/annotate/events/index.js";
import { decode } from "../../src/decode/index.js";
import { analyseDocument } from "../../src/ingest/analyse.js";
import { parse } from "../../src/parse/index.js";

function eventsOf(text: string): { text: string; events: EventMention[] } {
  const document = parse(decode(new TextEncoder().encode(text), "note.txt"))[0]!;
  return { text, events: analyseDocument(document).events ?? [] };
}

const quoted = (text: string, event: EventMention): string => text.slice(event.quote.start, event.quote.end);

describe("accounts that refer back to an event told elsewhere", () => {
  it("does not make a new, later-dated event of 'three months after coup'", () => {
    const { events } = eventsOf(
      "Report\n\nWashington, January 20, 1959.\n\nThe army overthrew the monarchy in Baghdad on July 14, 1958. " +
        "In October, three months after coup, Qasim was in full control.",
    );
    const coups = events.filter((event) => event.type === "coup");
    expect(coups.map((event) => event.date?.value)).toEqual(["1958-07-14"]);
    expect(coups[0]!.refersBack).toBeUndefined();
  });

  it("marks 'last Monday's coup' and dates it from the document's date, not as a coup named 'Monday's coup'", () => {
    const { text, events } = eventsOf(
      "THE PRESIDENT'S INTELLIGENCE CHECKLIST\n\n23 NOVEMBER 1963\n\n" +
        "President Arif's role in last Monday's coup in Baghdad is becoming clearer.",
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "coup", refersBack: true, named: false, date: { value: "1963-11-18" } });
    expect(events[0]!.place?.name).toBe("Baghdad");
    expect(quoted(text, events[0]!)).toMatch(/last Monday's coup/);
  });

  it("keeps no date of the clause around 'after the coup', nor its actors", () => {
    const { text, events } = eventsOf(
      "Note\n\nWashington, August 4, 1958.\n\nOn August 1, after the coup in Baghdad, Qasim received the Ambassador.",
    );
    const coup = events.find((event) => event.type === "coup");
    expect(coup).toMatchObject({ refersBack: true, place: { name: "Baghdad" } });
    expect(coup!.date).toBeUndefined();
    expect(coup!.participants.map((p) => p.name)).not.toContain("Qasim");
    expect(quoted(text, coup!)).toMatch(/after the coup/);
  });

  it("does not mark an account that tells the event with its own date", () => {
    const { events } = eventsOf("Note\n\nThe coup of July 14, 1958 overthrew the monarchy in Baghdad.");
    const coup = events.find((event) => event.type === "coup");
    expect(coup?.date?.value).toBe("1958-07-14");
    expect(coup?.refersBack).toBeUndefined();
  });
});

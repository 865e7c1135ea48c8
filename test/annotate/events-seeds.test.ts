import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../../src/core/document.js";
import { extractEvents, type EventMention } from "../../src/annotate/events/index.js";
import { SEED_000, SEED_001, SEED_002, SEED_003 } from "../decode/fixtures.js";
import { seedInput, type Entry } from "./seed-annotations.js";

function eventsOf(file: string, entries: Entry[]): { document: SourceDocument; events: EventMention[] } {
  const input = seedInput(file, entries);
  return { document: input.document, events: extractEvents(input) };
}

function find(events: EventMention[], label: string): EventMention {
  const event = events.find((each) => each.label === label);
  if (!event) throw new Error(`no event "${label}" in ${JSON.stringify(events.map((each) => each.label))}`);
  return event;
}

function names(event: EventMention): string[] {
  return event.participants.map((participant) => participant.name);
}

const QASIM: Entry[] = [
  ["Abd al-Karim Qasim", "person"],
  ["Abdul-Karim Qasim", "person", "Abd al-Karim Qasim"],
  ["Qasim", "person", "Abd al-Karim Qasim"],
  ["abd al karim qasim", "person", "Abd al-Karim Qasim"],
];
const ARIF: Entry[] = [
  ["Abdul Salam Arif", "person"],
  ["Arif", "person", "Abdul Salam Arif"],
  ["Aref", "person", "Abdul Salam Arif"],
];
const COMMON: Entry[] = [
  ...QASIM,
  ...ARIF,
  ["Baghdad", "place"],
  ["Iraq", "place"],
  ["Republic of Iraq", "place", "Iraq"],
  ["Radio Baghdad", "organization"],
  ["Iraqi Communist Party", "organization"],
  ["Communist Party", "organization", "Iraqi Communist Party"],
  ["ICP", "organization", "Iraqi Communist Party"],
  ["Ba'ath Party", "organization"],
  ["Baath Party", "organization", "Ba'ath Party"],
  ["Ahmed Hassan al-Bakr", "person"],
  ["al-Bakr", "person", "Ahmed Hassan al-Bakr"],
];
const SEED_001_NAMES: Entry[] = [
  ...COMMON,
  ["Ar-Rashid army camp", "place"],
  ["Ba'ath National Guard Militia", "organization"],
  ["Baathist National Guard militia", "organization", "Ba'ath National Guard Militia"],
  ["Iraqi Army", "organization"],
  ["Hazim Jawad", "person"],
  ["Muhammad Habib", "person"],
  ["Habib", "person", "Muhammad Habib"],
  ["Hasan Sari", "person"],
  ["Sari", "person", "Hasan Sari"],
  ["Ibrahim Muhammad Ali", "person"],
  ["Ali", "person", "Ibrahim Muhammad Ali"],
  ["Middle Euphrates", "place"],
  ["Baathist", "group", "Ba'ath Party"],
  ["Baathists", "group", "Ba'ath Party"],
  ["Prime Minister", "person"],
];

describe("seed 001: Ar-Rashid revolt (infobox and prose)", () => {
  const { document, events } = eventsOf(SEED_001, SEED_001_NAMES);
  const revolt = find(events, "Ar-Rashid revolt");
  const quoted = (span: { start: number; end: number }): string => document.text.slice(span.start, span.end);

  it("reads the infobox block as one named event with date, place, result and sides", () => {
    expect(revolt).toMatchObject({ type: "revolt", extractor: "infobox", named: true });
    expect(revolt.date).toMatchObject({ value: "1963-07-03", earliest: "1963-07-03", precision: "day" });
    expect(revolt.place?.name).toBe("Ar-Rashid army camp");
    expect(quoted(revolt.quote)).toMatch(/^Conflict: Ar-Rashid revolt[\s\S]*Casualties2: 1\+$/);
    expect(revolt.fields.result?.map((v) => v.value)).toEqual(["Coup attempt defeated"]);
    const sides = revolt.participants.map(({ name, role, side }) => ({ name, role, side }));
    expect(sides).toEqual(
      expect.arrayContaining([
        { name: "Ba'ath Party", role: "combatant", side: "1" },
        { name: "Ba'ath National Guard Militia", role: "combatant", side: "1" },
        { name: "Iraqi Communist Party", role: "combatant", side: "2" },
        { name: "Ahmed Hassan al-Bakr", role: "commander", side: "1" },
        { name: "Hazim Jawad", role: "commander", side: "1" },
        { name: "Muhammad Habib", role: "commander", side: "2" },
        { name: "Hasan Sari", role: "commander", side: "2" },
      ]),
    );
    expect(names(revolt)).not.toContain("Prime Minister");
    expect(names(revolt).some((name) => /Secretary|Leader|Minister/.test(name))).toBe(false);
  });

  it("keeps the infobox strength and the prose strength as two values of strength2, each with its quote", () => {
    const strength = revolt.fields.strength2 ?? [];
    expect(strength.map((v) => [v.value, v.extractor])).toEqual([
      ["300–2,000", "infobox"],
      ["2,000", "trigger"],
    ]);
    expect(quoted(strength[0]!.quote)).toBe("Strength2: 300–2,000");
    expect(quoted(strength[1]!.quote)).toContain(
      "together amassing 2,000 fighters, took control over the Ar-Rashid army camp",
    );
    expect(quoted(strength[1]!)).toBe("2,000");
  });

  it("reads infobox quantities as written, notes left in the quote", () => {
    expect(revolt.fields.strength1?.map((v) => v.value)).toEqual(["34,000"]);
    expect(quoted(revolt.fields.strength1![0]!.quote)).toBe("Strength1: 34,000 (Ba'ath National Guard Militia)");
    expect(revolt.fields.casualties2?.map((v) => v.value)).toEqual(["1+"]);
  });

  it("finds the February 1963 coup with Qasim overthrown and Arif favoured", () => {
    const coup = find(events, "February 1963 coup");
    expect(coup).toMatchObject({ type: "coup", extractor: "trigger", named: false });
    expect(coup.date).toMatchObject({ value: "1963-02-08", precision: "day" });
    expect(coup.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Abd al-Karim Qasim", role: "patient" }),
        expect.objectContaining({ name: "Abdul Salam Arif", role: "participant" }),
      ]),
    );
  });

  it("names the 14 July Revolution with its date, and 'the two' of the sentence before among its participants", () => {
    const revolution = find(events, "14 July Revolution");
    expect(revolution).toMatchObject({ named: true, date: { value: "1958-07-14" } });
    expect(names(revolution)).toEqual(expect.arrayContaining(["Abd al-Karim Qasim", "Abdul Salam Arif"]));
  });
});

describe("seed 003: November 1963 coup", () => {
  const { document, events } = eventsOf(SEED_003, [
    ...COMMON,
    ["Ali Salih al-Sa'di", "person"],
    ["al-Sa'di", "person", "Ali Salih al-Sa'di"],
    ["al-Sadi", "person", "Ali Salih al-Sa'di"],
    ["Abdul Rahman Arif", "person"],
    ["Ba'ath National Guard Militia", "organization"],
    ["Iraqi Army", "organization"],
    ["Madrid", "place"],
    ["Spain", "place"],
    ["Beirut", "place"],
    ["Presidential Palace", "place"],
  ]);
  const coup = find(events, "November 1963 Iraqi coup d'état");

  it("reads the infobox range 13–18 November 1963", () => {
    expect(coup.date).toMatchObject({
      value: "1963-11-13/1963-11-18",
      earliest: "1963-11-13",
      latest: "1963-11-18",
      precision: "range",
    });
    expect(coup.type).toBe("coup");
  });

  it("has both Arifs, al-Sa'di and al-Bakr among its participants, with the infobox sides", () => {
    expect(names(coup)).toEqual(
      expect.arrayContaining(["Abdul Salam Arif", "Abdul Rahman Arif", "Ali Salih al-Sa'di", "Ahmed Hassan al-Bakr"]),
    );
    const side = (name: string) => coup.participants.find((p) => p.name === name)?.side;
    expect([side("Ali Salih al-Sa'di"), side("Abdul Salam Arif"), side("Abdul Rahman Arif")]).toEqual(["1", "2", "2"]);
  });

  it("files the casualties of the infobox and of the prose under casualties3", () => {
    const values = coup.fields.casualties3 ?? [];
    expect(values.map((v) => [v.value, v.extractor])).toEqual([
      ["250", "infobox"],
      ["250", "trigger"],
    ]);
    expect(document.text.slice(values[1]!.quote.start, values[1]!.quote.end)).toContain("250 people were killed");
  });

  it("dates the seizure of al-Sadi from 'On Tuesday, November 12'", () => {
    const seized = find(events, "al-Sadi and 18 colleagues seized and flown to Madrid");
    expect(seized.date).toMatchObject({ value: "1963-11-12", precision: "day" });
    expect(seized.place?.name).toBe("Madrid");
    expect(seized.participants).toContainEqual(
      expect.objectContaining({ name: "Ali Salih al-Sa'di", role: "patient" }),
    );
  });

  it("dates the strafing from the sentence before, not from '11:00'", () => {
    const strafed = find(events, "Fighter jets strafed Presidential Palace");
    expect(strafed.date).toMatchObject({ value: "1963-11-13" });
    expect(events.some((event) => event.date?.value.includes("11:00"))).toBe(false);
  });

  it("names the 17 July Revolution and dates the February 1963 coup to its month", () => {
    expect(find(events, "17 July Revolution").date).toMatchObject({ value: "1968-07-17", precision: "day" });
    expect(find(events, "14 July Revolution").date?.value).toBe("1958-07-14");
    expect(find(events, "February 1963 coup").date).toMatchObject({ value: "1963-02", earliest: "1963-02-01" });
  });
});

describe("seed 002: archival report with dates from context", () => {
  const { events } = eventsOf(SEED_002, [
    ...COMMON,
    ["Nuri As-Said", "person"],
    ["Jordan", "place"],
    ["Lebanon", "place"],
    ["19th Brigade", "organization"],
    ["20th Brigade", "organization"],
    ["People's Front", "organization"],
  ]);

  it("finds the arming of the people in October 1956", () => {
    const arming = find(events, "Arming of the people begins");
    expect(arming.date).toMatchObject({ value: "1956-10", earliest: "1956-10-01", precision: "month" });
  });

  it("finds Qasim ordered to Jordan at the beginning of 1957, by Nuri As-Said", () => {
    const order = find(events, "Qasim ordered to serve in Jordan with the 2nd brigade");
    expect(order).toMatchObject({ type: "order", place: { name: "Jordan" } });
    expect(order.date).toMatchObject({ earliest: "1957-01-01", precision: "quarter" });
    const roles = order.participants.map(({ name, role }) => [name, role]);
    expect(roles).toEqual([
      ["Nuri As-Said", "agent"],
      ["Abd al-Karim Qasim", "patient"],
    ]);
  });

  it("finds the brigades ordered to Lebanon on 11 July 1958", () => {
    const order = find(events, "19th and 20th Brigades ordered to move to Lebanon");
    expect(order.date).toMatchObject({ value: "1958-07-11", precision: "day" });
    expect(order.place?.name).toBe("Lebanon");
    expect(names(order)).toEqual(expect.arrayContaining(["19th Brigade", "20th Brigade"]));
  });

  it("names the Iraqi Revolution of July 14, 1958", () => {
    const revolution = find(events, "Iraqi Revolution of July 14, 1958");
    expect(revolution).toMatchObject({ type: "revolution", named: true, date: { value: "1958-07-14" } });
    expect(names(revolution)).toContain("Abd al-Karim Qasim");
  });

  it("joins the undated overthrow of the kingdom to the one revolution the report names", () => {
    const revolution = find(events, "Iraqi Revolution of July 14, 1958");
    expect(revolution.participants).toContainEqual(
      expect.objectContaining({ name: "Iraqi Communist Party", role: "agent" }),
    );
    expect(events.filter((event) => event.type === "coup")).toEqual([]);
  });
});

describe("seed 000: lower-cased, stop words removed, lemmatized", () => {
  const { events } = eventsOf(SEED_000, [
    ...COMMON,
    ["communist party", "organization", "Iraqi Communist Party"],
    ["abdul salam arif", "person", "Abdul Salam Arif"],
    ["ar rashid army camp", "place", "Ar-Rashid army camp"],
    ["baathist", "group", "Ba'ath Party"],
  ]);

  it("finds the February 1963 coup from 'february 8 1963 army coup wa staged overthrowing …'", () => {
    const coup = find(events, "February 1963 coup");
    expect(coup.date).toMatchObject({ value: "1963-02-08", precision: "day" });
    expect(names(coup)).toEqual(expect.arrayContaining(["Abd al-Karim Qasim", "Abdul Salam Arif"]));
  });

  it("finds the Ar-Rashid revolt from its opening words and dates it 'july 3 1963'", () => {
    const revolt = find(events, "Ar Rashid Revolt");
    expect(revolt).toMatchObject({ type: "revolt", named: true, extractor: "lead" });
    expect(revolt.date).toMatchObject({ value: "1963-07-03", precision: "day" });
    expect(revolt.fields.strength?.map((v) => v.value)).toEqual(["2,000"]);
  });

  it("names the 14 July Revolution", () => {
    expect(find(events, "14 July Revolution").date?.value).toBe("1958-07-14");
  });

  it("never dates an event it cannot date in a token dump", () => {
    expect(events.every((event) => event.date !== undefined)).toBe(true);
  });
});

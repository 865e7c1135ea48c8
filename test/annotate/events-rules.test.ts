import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";
import { segmentParagraphs } from "../../src/segment/index.js";
import { documentReferenceDate, extractDates } from "../../src/annotate/dates/index.js";
import type { Mention, MentionType } from "../../src/annotate/mentions/types.js";
import { extractEvents, type EventMention } from "../../src/annotate/events/index.js";
import { commandersOf, leadingQuantity } from "../../src/annotate/events/infobox-values.js";
import { fixtureBytes, SYRIA_MD } from "../decode/fixtures.js";

function documentOf(text: string, path = "note.txt"): SourceDocument {
  return parse(decode(new TextEncoder().encode(text), path))[0]!;
}

/** Events of a text whose mentions are the given names, each typed. */
function eventsIn(document: SourceDocument, names: [string, MentionType][] = []): EventMention[] {
  const paragraphs = [...segmentParagraphs(document.text)];
  const referenceDate = documentReferenceDate(document.text, document.metadata.date);
  const dates = extractDates(document.text, referenceDate ? { referenceDate } : {});
  const mentions: Mention[] = [];
  for (const [name, type] of names) {
    for (let at = document.text.indexOf(name); at >= 0; at = document.text.indexOf(name, at + 1)) {
      const span = { start: at, end: at + name.length };
      mentions.push({ ...span, text: name, type, name, extractor: "test", confidence: 1, sentence: span });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return extractEvents({ document, paragraphs, mentions, dates });
}

describe("what is not an event", () => {
  it("a coup talked about, with no date and no actor, in a document about something else", () => {
    const document = documentOf(
      "The cafe was busy.\n\nThere was talk of a coup in the capital, but nothing came of it.\n",
    );
    expect(eventsIn(document)).toEqual([]);
  });

  it("plans, wishes, refusals and purposes", () => {
    const text =
      "In 1956 Qasim planned to overthrow the king.\n\n" +
      "In 1957 the National Democratic Party refused to join the revolution.\n\n" +
      "In 1958 Qasim would never arrest Aref.\n\n" +
      "In 1959 the officers demanded that Aref be executed.\n";
    const events = eventsIn(documentOf(text), [
      ["Qasim", "person"],
      ["Aref", "person"],
      ["National Democratic Party", "organization"],
    ]);
    expect(events).toEqual([]);
  });

  it("a category named in a list of labels, with its date range", () => {
    const document = documentOf(
      "Content: 943 events, 1945–2019; columns country, year, event_type (coup / attempted / conspiracy), notes.\n",
    );
    expect(eventsIn(document, [["Egypt", "place"]])).toEqual([]);
  });

  it("a count of many events, and a column name", () => {
    const text =
      "The CDP dataset contains coup types of 943 coup instances from 1945 to 2022 in Egypt and elsewhere.\n\n" +
      "Between 1949 and 1970 Syria saw twenty coups.\n\n" +
      "- Content: 943 events, 1945–2019; columns coup_id, cowcode, country, year, month, day, event_type (coup / attempted / conspiracy),\n" +
      "  unrealized, realized, conspiracy, attempt, military, dissident, rebel, palace, foreign, auto, resign, popular, counter, other,\n" +
      "  noharm, injured, killed, harrest, jailed, tried, fled, exile. coup_id = cowcode + MMDDYYYY.\n\n" +
      'Powell and Thyne (2011), "Global instances of coups from 1950 to 2010", in Egypt and elsewhere.\n';
    expect(
      eventsIn(documentOf(text), [
        ["Egypt", "place"],
        ["Syria", "place"],
      ]),
    ).toEqual([]);
  });

  it("a list of events is no list of fields", () => {
    const text = "In 1963 the officers were arrested, tried, and executed in Baghdad.\n";
    expect(eventsIn(documentOf(text), [["Baghdad", "place"]]).map((event) => event.type)).not.toEqual([]);
  });

  it("a time of day is never a date", () => {
    const text =
      "In Baghdad the army seized the radio station. A few minutes before 11:00, the radio went off the air.\n";
    const events = eventsIn(documentOf(text), [["Baghdad", "place"]]);
    expect(events.map((event) => event.date)).toEqual([undefined]);
  });

  it("execute an order is not an execution; an orders to someone is not an order to do something", () => {
    const text =
      "On 11 July 1958 Qasim prepared his troops to execute the order given by the general headquarters.\n\n" +
      "On 14 July 1958 Qasim was in the Ministry of Defence giving orders to his subordinates.\n";
    expect(eventsIn(documentOf(text), [["Qasim", "person"]])).toEqual([]);
  });
});

describe("events told by trigger words", () => {
  it("takes the date stated in the sentence and the place after 'in'", () => {
    const text = "On 3 March 1970 the army arrested Hamid Shakir in Mosul.\n";
    const [event] = eventsIn(documentOf(text), [
      ["Hamid Shakir", "person"],
      ["Mosul", "place"],
    ]);
    expect(event).toMatchObject({ type: "arrest", label: "Army arrested Hamid Shakir", place: { name: "Mosul" } });
    expect(event!.date).toMatchObject({ value: "1970-03-03", precision: "day" });
    expect(event!.participants).toEqual([expect.objectContaining({ name: "Hamid Shakir", role: "patient" })]);
  });

  it("carries the date of the sentence before only into a sentence that continues it", () => {
    const text =
      "On 3 March 1970 the army arrested Hamid Shakir in Mosul. The next day Radio Mosul announced the arrest. " +
      "Later the Party formed the Mosul Committee.\n";
    const events = eventsIn(documentOf(text), [
      ["Hamid Shakir", "person"],
      ["Mosul", "place"],
      ["Radio Mosul", "organization"],
      ["Mosul Committee", "organization"],
    ]);
    expect(events.map((event) => [event.label, event.date?.value])).toEqual([
      ["Army arrested Hamid Shakir", "1970-03-03"],
      ["Radio Mosul announced arrest", "1970-03-04"],
      ["Party formed Mosul Committee", undefined],
    ]);
    // "announced the arrest" refers to the arrest: it adds no one to it.
    expect(events[0]!.participants.map((p) => p.name)).toEqual(["Hamid Shakir"]);
  });
});

describe("named events", () => {
  it("names an event by the words before its noun, never by a word cut out of another ('anti-British')", () => {
    const text =
      "Two of them had joined the pro-Nazi, anti-British coup attempt of 1941. The Iraqi Revolution of 1958 followed.\n";
    const labels = eventsIn(documentOf(text)).map((e) => e.label);
    expect(labels).toContain("Iraqi Revolution of 1958");
    expect(labels.filter((l) => /British/.test(l))).toEqual([]);
  });
});

describe("infobox values", () => {
  it("keeps the number of a strength or casualty value as written", () => {
    expect(leadingQuantity("34,000 (Ba'ath National Guard Militia)")?.value).toBe("34,000");
    expect(leadingQuantity("300–2,000")?.value).toBe("300–2,000");
    expect(leadingQuantity("1+")?.value).toBe("1+");
    expect(leadingQuantity("250 killed")?.value).toBe("250");
    expect(leadingQuantity("Unknown")).toBeUndefined();
  });

  it("splits commanders from their titles when no mentions are given", () => {
    const text =
      "Ahmed Hassan al-Bakr, Prime Minister of Iraq, Hazim Jawad, Secretary of the Ba'ath Party Regional Command";
    const field = { key: "Commander1", start: 0, end: text.length, values: [{ text, start: 0, end: text.length }] };
    const commanders = commandersOf(field, []);
    expect(commanders.map((c) => [c.name, c.title?.text])).toEqual([
      ["Ahmed Hassan al-Bakr", "Prime Minister of Iraq"],
      ["Hazim Jawad", "Secretary of the Ba'ath Party Regional Command"],
    ]);
  });
});

describe("front matter", () => {
  it("makes the subject of a wikipedia-syria article one named event with its date and place", () => {
    const document = parse(decode(fixtureBytes(SYRIA_MD), SYRIA_MD))[0]!;
    const event = eventsIn(document).find((each) => each.extractor === "front-matter");
    expect(event).toMatchObject({
      label: "1963 Syrian coup d'état",
      type: "coup",
      named: true,
      date: { value: "1963-03-08", precision: "day" },
      place: { name: "Syria" },
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractDates, type DateContext } from "../../src/annotate/dates/index.js";

function values(text: string, context?: DateContext): [string, string][] {
  return extractDates(text, context).map((each) => [each.text, each.value]);
}

describe("date expressions", () => {
  it.each([
    ["They met in the summer of 1963.", "the summer of 1963", "1963-summer", "1963-06-01", "1963-08-31"],
    ["Troops left in autumn 1956.", "autumn 1956", "1956-autumn", "1956-09-01", "1956-11-30"],
    ["It froze in the winter of 1956–57.", "the winter of 1956–57", "1956-winter", "1956-12-01", "1957-02-28"],
    ["Talks began in the first half of 1955.", "the first half of 1955", "1955-H1", "1955-01-01", "1955-06-30"],
    ["It collapsed in early 1963.", "early 1963", "1963-H1", "1963-01-01", "1963-06-30"],
    ["It collapsed in late 1958.", "late 1958", "1958-H2", "1958-07-01", "1958-12-31"],
    ["Elections were held in mid-1963.", "mid-1963", "1963-Q2/1963-Q3", "1963-04-01", "1963-09-30"],
    ["Output fell in the third quarter of 1962.", "the third quarter of 1962", "1962-Q3", "1962-07-01", "1962-09-30"],
    ["Unrest grew during the 1960s.", "the 1960s", "1960s", "1960-01-01", "1969-12-31"],
    ["Empires fell in the 20th century.", "the 20th century", "19XX", "1900-01-01", "1999-12-31"],
    ["The monarchy fell in 1958.", "1958", "1958", "1958-01-01", "1958-12-31"],
    ["By 1959 the party was split.", "1959", "1959", "1959-01-01", "1959-12-31"],
    ["He ruled from 1958 to 1963.", "from 1958 to 1963", "1958/1963", "1958-01-01", "1963-12-31"],
    ["Qasim's rule (1958–63) ended in a coup.", "1958–63", "1958/1963", "1958-01-01", "1963-12-31"],
    [
      "It was called the Ramadan Revolution by the Ba'ath.",
      "Ramadan Revolution",
      "1963-02-08",
      "1963-02-08",
      "1963-02-08",
    ],
    [
      "the 8 March Revolution brought the Ba'ath to power",
      "8 March Revolution",
      "1963-03-08",
      "1963-03-08",
      "1963-03-08",
    ],
    ["Cosmos 2 decayed 25 May '62 at Kapustin Yar", "25 May '62", "1962-05-25", "1962-05-25", "1962-05-25"],
  ])("%s", (text, phrase, value, earliest, latest) => {
    const found = extractDates(text).find((each) => each.text === phrase);
    expect(found).toMatchObject({ value, earliest, latest });
  });

  it("reads two months joined by 'and' as two months sharing a year", () => {
    expect(values("Strikes broke out in February and August 1963.")).toEqual([
      ["February", "1963-02"],
      ["August 1963", "1963-08"],
    ]);
  });

  it("reads every day of a list that shares a month and a year", () => {
    expect(values("Arms arrived on 13, 14 and 15 July 1958.")).toEqual([
      ["13", "1958-07-13"],
      ["14", "1958-07-14"],
      ["15 July 1958", "1958-07-15"],
    ]);
    expect(values("Arms arrived on July 13 and 14, 1958.")).toEqual([
      ["July 13", "1958-07-13"],
      ["14, 1958", "1958-07-14"],
    ]);
    expect(values("Fighting raged between 5 and 14 July 1958.")).toEqual([
      ["between 5 and 14 July 1958", "1958-07-05/1958-07-14"],
    ]);
  });

  it("gives a range's start the year before when it crosses New Year", () => {
    expect(values("The talks ran from December 28 to January 3, 1964.")).toEqual([
      ["from December 28 to January 3, 1964", "1963-12-28/1964-01-03"],
    ]);
  });

  it("joins a range of ranges", () => {
    expect(values("from mid-2012 to mid-2013 18 passports were revoked")).toEqual([
      ["from mid-2012 to mid-2013", "2012-Q2/2013-Q3"],
    ]);
  });

  it("takes the century of 'the sixties' from context, and drops it without one", () => {
    expect(values("In 1963 the Ba'ath rose. By the sixties it ruled.")).toEqual([
      ["1963", "1963"],
      ["the sixties", "1960s"],
    ]);
    expect(values("By the sixties it ruled.")).toEqual([]);
    expect(values("Men in their sixties voted.")).toEqual([]);
  });

  it("reads a count after a day-month as a count, not a two-digit year", () => {
    expect(values("The battle raged in 2017. By 11 June, 79 civilians had been killed.")).toEqual([
      ["2017", "2017"],
      ["11 June", "2017-06-11"],
    ]);
  });

  it("resolves 'last June' against a document date known to the month", () => {
    expect(values("held in Cairo last June, and again last December", { referenceDate: "1966-09" })).toEqual([
      ["last June", "1966-06"],
      ["last December", "1965-12"],
    ]);
  });

  it("uses the paragraphs it is given", () => {
    const text = "On 14 July the king died. In 1958 Qasim ruled. On 11 July troops moved.";
    const paragraphs = [
      { start: 0, end: 26 },
      { start: 26, end: text.length },
    ];
    expect(values(text, { paragraphs, referenceDate: "1957" })).toEqual([
      ["14 July", "1957-07-14"],
      ["1958", "1958"],
      ["11 July", "1958-07-11"],
    ]);
  });
});

describe("numbers that are not dates", () => {
  it.each([
    "Strength2: 300–2,000",
    "Strength1: 34,000 (Ba'ath National Guard Militia)",
    "while 7,000 Iraqi communists remained imprisoned",
    "since around 1,000 pro-Qassem officers and communists were in detention",
    "amassing 2 000 fighter control ar rashid army camp",
    "al-Sadi and 18 of his Ba'ath Party colleagues were seized",
    "led by a 15-member council headed by al-Bakr",
    "Casualties3: 250 killed",
    "limited to 30 core leaders of the revolt",
    "A few minutes before 11:00, the radio went off the air",
    "The train left at 8:29 a.m. sharp.",
    "RECORD NUMBER: 177-10002-10103",
    "MOL M-KS 288.f.32/1958 7.ó.e.",
    "See No. 1958 in the catalogue, p. 1961.",
    "Some 2000 soldiers and 1500 km of road.",
    "at least 1200 people fled",
    "resolutions 1949 (XVIII) and 2023 (XX) were adopted",
    "around 700 to 1000 shops were destroyed",
    "![Tanks](https://example.org/file/UStanks_baghdad_2003.JPEG)",
    "Cosmos 6 1600;00 (EST.) Decayed",
  ])("%s", (text) => {
    expect(extractDates(text)).toEqual([]);
  });
});

describe("invariants on arbitrary text", () => {
  const tokens = [
    "1963",
    "2,000",
    "300–2,000",
    "11:00",
    "July",
    "july",
    "14",
    "3",
    "Tuesday",
    "November 12",
    "the fall of",
    "1956",
    "between",
    "and",
    "to",
    "–",
    "-",
    "The next day",
    "last Monday",
    "yesterday",
    "the 1960s",
    "early",
    "mid-",
    "'62",
    "Revolution",
    "177-10002-10103",
    "/",
    ".",
    ",",
    "\n\n",
    " ",
    "winter",
    "half of",
    "Q3",
    "the sixties",
    "1000",
  ];
  const texts = fc.oneof(
    fc.string({ unit: "grapheme-composite", maxLength: 200 }),
    fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(" ")),
    fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join("")),
  );
  const spans = fc.option(
    fc.array(fc.record({ start: fc.integer({ min: -5, max: 250 }), end: fc.integer({ min: -5, max: 250 }) }), {
      maxLength: 6,
    }),
    { nil: undefined },
  );
  const references = fc.option(fc.constantFrom("1963-11-23", "1958", "1966-09", "not a date"), { nil: undefined });

  it("gives exact offsets, ordered intervals and no overlaps", () => {
    fc.assert(
      fc.property(texts, references, spans, (text, referenceDate, paragraphs) => {
        const mentions = extractDates(text, {
          ...(referenceDate === undefined ? {} : { referenceDate }),
          ...(paragraphs === undefined ? {} : { paragraphs }),
        });
        let previousEnd = 0;
        for (const each of mentions) {
          expect(text.slice(each.start, each.end)).toBe(each.text);
          expect(each.start).toBeGreaterThanOrEqual(previousEnd);
          expect(each.end).toBeGreaterThan(each.start);
          expect(each.earliest <= each.latest).toBe(true);
          expect(each.earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(each.confidence).toBeGreaterThan(0);
          expect(each.confidence).toBeLessThanOrEqual(1);
          previousEnd = each.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

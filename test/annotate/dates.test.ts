import { describe, expect, it } from "vitest";
import {
  documentReferenceDate,
  extractDates,
  type DateContext,
  type DateMention,
} from "../../src/annotate/dates/index.js";

/** The one mention whose text is `phrase`; fails when there is none. */
function mention(text: string, phrase: string, context?: DateContext): DateMention {
  const mentions = extractDates(text, context);
  const found = mentions.find((each) => each.text === phrase);
  if (!found) throw new Error(`no mention "${phrase}" in ${JSON.stringify(mentions.map((each) => each.text))}`);
  expect(text.slice(found.start, found.end)).toBe(phrase);
  return found;
}

describe("seed 002: archival report dated 18 December 1958", () => {
  const context = { referenceDate: "1958-12-18" };

  it("reads halves, seasons, months and parts of years", () => {
    const unity =
      "After the unity of the Iraqi Communist Party had been restored in the second half of 1956 and especially as a result of the crackdown";
    expect(mention(unity, "the second half of 1956", context)).toMatchObject({
      value: "1956-H2",
      earliest: "1956-07-01",
      latest: "1956-12-31",
      precision: "half",
      extractor: "half-year",
    });
    const fall = "In the fall of 1956 - during the aggression against Egypt - the top leadership of the Iraqi army";
    expect(mention(fall, "the fall of 1956", context)).toMatchObject({
      value: "1956-autumn",
      earliest: "1956-09-01",
      latest: "1956-11-30",
      precision: "season",
    });
    const arming =
      "1. The arming of the people began in October 1956 and continued until the day the revolution broke out.";
    expect(mention(arming, "October 1956", context)).toMatchObject({ value: "1956-10", precision: "month" });
    const jordan = "At the beginning of 1957 Nuri As-Said commanded Qasim to serve in Jordan with the 2nd brigade.";
    expect(mention(jordan, "the beginning of 1957", context)).toMatchObject({
      value: "1957-Q1",
      earliest: "1957-01-01",
      latest: "1957-03-31",
      precision: "quarter",
    });
    const clash = "The clash with the police and the army at the end of 1956 had produced some results already.";
    expect(mention(clash, "the end of 1956", context)).toMatchObject({ value: "1956-Q4", latest: "1956-12-31" });
    expect(extractDates(jordan, context).map((each) => each.text)).toEqual(["the beginning of 1957"]);
  });

  it("reads full dates, day lists and days whose year comes from an earlier paragraph", () => {
    const text =
      "Time was passing by and the case of the revolution was dragging on up until 11 July 1958.\n\n" +
      "The arms were fully distributed only on 13 and 14 July 1958. This is how on 14 July, while the division headed by Qasim occupied key points\n\n" +
      "So, Qasim also accepted 14 July as the day of the revolution. On 11 July the units of his division were still being stationed in camps 50-80 km north and south of the capital.";
    const mentions = extractDates(text, context);
    expect(mentions.map((each) => [each.text, each.value])).toEqual([
      ["11 July 1958", "1958-07-11"],
      ["13", "1958-07-13"],
      ["14 July 1958", "1958-07-14"],
      ["14 July", "1958-07-14"],
      ["14 July", "1958-07-14"],
      ["11 July", "1958-07-11"],
    ]);
  });

  it("finds nothing inside an archive reference", () => {
    const citation =
      '"Report of the Hungarian Ambassador in Baghdad on the preparations for the Iraqi revolution in 1958", December 18, 1958, Wilson Center Digital Archive, MOL M-KS 288.f.32/1958 7.ó.e. Translated by András Bocz.';
    expect(extractDates(citation, context).map((each) => each.value)).toEqual(["1958", "1958-12-18"]);
  });

  it("takes the document date from metadata, else from a date line at the top", () => {
    const header =
      "\n\n**December 18, 1958**\n\n**Report of the Hungarian Ambassador in Baghdad on  \nthe preparations for the Iraqi revolution in 1958**\n";
    expect(documentReferenceDate(header)).toBe("1958-12-18");
    expect(documentReferenceDate(header, "1958-12-18")).toBe("1958-12-18");
    expect(documentReferenceDate("no date here", "December 18, 1958")).toBe("1958-12-18");
    expect(documentReferenceDate("no date here", "1958-12")).toBe("1958-12");
    expect(documentReferenceDate("no date here")).toBeUndefined();
  });
});

describe("seed 003: November 1963 Iraqi coup d'état", () => {
  it("reads ranges written with a dash and with between … and", () => {
    for (const dash of ["–", "-"]) {
      const infobox = `- Date: 13${dash}18 November 1963\n- Place: Republic of Iraq`;
      expect(mention(infobox, `13${dash}18 November 1963`)).toMatchObject({
        value: "1963-11-13/1963-11-18",
        earliest: "1963-11-13",
        latest: "1963-11-18",
        precision: "range",
      });
    }
    const prose =
      "The November 1963 Iraqi coup d'état took place between November 13 and November 18, 1963, when, following";
    expect(mention(prose, "between November 13 and November 18, 1963")).toMatchObject({
      value: "1963-11-13/1963-11-18",
      precision: "range",
    });
  });

  it("dates a named event by its explicit year", () => {
    const text = "The government subsequently lasted until the 17 July Revolution in 1968.";
    expect(mention(text, "17 July Revolution in 1968")).toMatchObject({
      value: "1968-07-17",
      extractor: "named-event",
    });
  });

  it("lets the weekday pick the year and anchors 'the next day' on it", () => {
    const text =
      'The "Iraq first" wing was outraged, and the Party was ousted from government on 18 November 1963.\n\n' +
      "== Coup ==\nOn Tuesday, November 12, al-Sadi and 18 of his Ba'ath Party colleagues were seized at gunpoint and flown to Madrid. " +
      "The next day, without mentioning al-Sadi, Radio Baghdad announced that the ruling Ba'athist Party was now led by a 15-member council headed by al-Bakr. " +
      "A few minutes before 11:00, the radio went off the air.";
    const mentions = extractDates(text);
    expect(mentions.map((each) => [each.text, each.value, each.extractor])).toEqual([
      ["18 November 1963", "1963-11-18", "chrono"],
      ["Tuesday, November 12", "1963-11-12", "weekday-year"],
      ["The next day", "1963-11-13", "relative"],
    ]);
  });

  it("takes the year from the document date, or the nearest year whose weekday fits", () => {
    const text = "On Tuesday, November 12, al-Sadi was seized.";
    expect(mention(text, "Tuesday, November 12", { referenceDate: "1963" }).value).toBe("1963-11-12");
    const shifted = mention(text, "Tuesday, November 12", { referenceDate: "1964" });
    expect(shifted.value).toBe("1963-11-12");
    expect(shifted.confidence).toBeLessThan(0.7);
  });

  it("reads 'between February and August 1963' as a range, not the counts around it", () => {
    const text =
      "the Ba'ath National Guard Militia (which had increased in size from 5,000 to 34,000 between February and August 1963), and 7,000 Iraqi communists remained imprisoned. Casualties3: 250 killed";
    expect(extractDates(text).map((each) => [each.text, each.value])).toEqual([
      ["between February and August 1963", "1963-02/1963-08"],
    ]);
  });

  it("keeps list items apart", () => {
    const seeAlso = "== See also ==\n- 14 July Revolution\n- July 1963 Syrian coup attempt\n";
    expect(extractDates(seeAlso).map((each) => [each.text, each.value])).toEqual([
      ["14 July Revolution", "1958-07-14"],
      ["July 1963", "1963-07"],
    ]);
  });
});

describe("seed 001: Ar-Rashid revolt", () => {
  it("reads dates in prose and named events", () => {
    const text =
      "On February 8, 1963, an army coup was staged, overthrowing the Iraqi Nationalist government of Abd al-Karim Qasim. The two had both been members of the free officers movement that orchestrated the overthrow the western-aligned Hashemite monarchy in the 14 July Revolution.";
    expect(extractDates(text).map((each) => [each.text, each.value, each.extractor])).toEqual([
      ["February 8, 1963", "1963-02-08", "chrono"],
      ["14 July Revolution", "1958-07-14", "named-event"],
    ]);
    expect(mention("On July 3, 1963, the revolt was staged.", "July 3, 1963").value).toBe("1963-07-03");
  });

  it("finds no date in strengths and counts", () => {
    const infobox =
      "- Strength1: 34,000 (Ba'ath National Guard Militia)\n- Strength2: 300–2,000\n- Casualties2: 1+\n\n" +
      "together amassing 2,000 fighters, since around 1,000 pro-Qassem officers and communists were in detention there. " +
      "arguing that executions should be limited to 30 core leaders of the revolt. The train-ride was supposed to take six hours";
    expect(extractDates(infobox)).toEqual([]);
  });
});

describe("seed 000: lower-cased, lemmatized token dump", () => {
  const text =
    "ar rashid revolt refers 1963 failed uprising baathist government iraq background february 8 1963 army coup wa staged overthrowing " +
    "western aligned hashemite monarchy 14 july revolution ideological difference caused tension habib sari continued preparation revolt " +
    "july 3 1963 revolt wa staged rebel soldier baghdad communist party amassing 2 000 fighter control ar rashid army camp 1 000 pro qassem officer " +
    "strong evidence suggest soviet bloc involvement 3 july uprising camp rashid";

  it("reads bare years, dates without punctuation and named events", () => {
    expect(extractDates(text).map((each) => [each.text, each.value, each.extractor])).toEqual([
      ["1963", "1963", "bare-year"],
      ["february 8 1963", "1963-02-08", "chrono"],
      ["14 july revolution", "1958-07-14", "named-event"],
      ["july 3 1963", "1963-07-03", "chrono"],
      ["3 july uprising", "1963-07-03", "named-event"],
    ]);
  });
});

describe("CIA President's Intelligence Checklist of Saturday 23 November 1963 (OCR)", () => {
  const context = { referenceDate: "1963-11-23" };

  it("resolves dates relative to the document date", () => {
    const text =
      "It now appears that Presi-\ndent Arif's role in last Monday's\ncoup in Baghdad may have been vir-\ntually that of a bystander,";
    expect(mention(text, "last Monday", context)).toMatchObject({ value: "1963-11-18", extractor: "relative" });
    expect(extractDates(text)).toEqual([]);
    expect(mention("told the Allied representatives yesterday that", "yesterday", context).value).toBe("1963-11-22");
    expect(mention("the regime stayed in high gear this week,", "this week", context)).toMatchObject({
      value: "1963-11-18/1963-11-24",
      precision: "range",
    });
  });

  it("finds the date line of the header and nothing in record numbers", () => {
    const header =
      "177-10002-10103) [2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 |\n\n" +
      "JFK Assassination System Date: 3/6/2018\nIdentification Form\n\nLBJ\n177-10002-10103 —\n\n" +
      "THE PRESIDENT'S INTELLIGENCE CHECKLIST\n\n11/23/1963\n15\n\nINTELLIGENCE REPORT\n";
    expect(documentReferenceDate(header)).toBe("1963-11-23");
    expect(extractDates("RECORD NUMBER: 177-10002-10103 at 8:29 a.m.")).toEqual([]);
  });
});

describe("documentReferenceDate on a cable's dateline", () => {
  it("reads a dateline with a place before the date and a time after it", () => {
    const text =
      "Telegram From the Embassy in Israel to the Department of State\n\nTel Aviv, July 15, 1958, 1 a.m.\n\n32. The Prime Minister met in 1957 and again in 1957 with 1957 officials.";
    expect(documentReferenceDate(text)).toBe("1958-07-15");
  });
});

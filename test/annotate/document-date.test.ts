import { describe, expect, it } from "vitest";
import { datedDocument, documentReferenceDate, extractDates } from "../../src/annotate/dates/index.js";
import { dateFromContent } from "../../src/annotate/dates/document-date/index.js";
import { datelineExtractor } from "../../src/annotate/dates/document-date/dateline.js";
import { fileNameExtractor } from "../../src/annotate/dates/document-date/file-name.js";
import { firstDateExtractor } from "../../src/annotate/dates/document-date/first-date.js";
import { formExtractor } from "../../src/annotate/dates/document-date/form.js";
import type { DocumentDateExtractor } from "../../src/annotate/dates/document-date/types.js";
import type { SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";

const lineDates = (text: string) => extractDates(text);

function found(extractor: DocumentDateExtractor, text: string, path = "note.txt") {
  return extractor.find({ text, path }, lineDates);
}

function documentOf(text: string, path = "note.txt"): SourceDocument {
  return parse(decode(new TextEncoder().encode(text), path))[0]!;
}

describe("dateline", () => {
  it("reads a place, a date and a time on a telegram's second line, under its title", () => {
    const text =
      "Telegram From the Department of State to the Embassy in Iraq\nWashington, August 4, 1958, 8:12 p.m.\n\n" +
      "1753. Your telegrams 1753 and 1754, December 3, were received.";
    const date = found(datelineExtractor, text);
    expect(date).toMatchObject({ value: "1958-08-04", source: "dateline" });
    expect(text.slice(date!.start, date!.end)).toMatch(/^August 4, 1958/);
  });

  it("reads an upper-case place and a date written day first", () => {
    expect(found(datelineExtractor, "Report\n\nBAGHDAD, July 15, 1958\n\nText.")?.value).toBe("1958-07-15");
    expect(found(datelineExtractor, "Letter\n\nLondon, 3 March 1963.\n\nDear Sir,")?.value).toBe("1963-03-03");
  });

  it("reads a dateline inside one-line text, after a source note", () => {
    const text =
      "112. Telegram From the Embassy in Iraq to the Department of State Source: Central Files, 787.00/7–1458. " +
      "Secret; Niact. Received at 6:58 p.m. Baghdad, July 14, 1958, 11 p.m. 117. Following is Embassy's assessment.";
    expect(found(datelineExtractor, text)?.value).toBe("1958-07-14");
  });

  it("does not take a date in running prose, a date without its year or a weekday for a place", () => {
    expect(found(datelineExtractor, "He flew from Baghdad, July 14, 1958 and landed in Cairo.")).toBeUndefined();
    expect(found(datelineExtractor, "Note\n\nBaghdad, July 14\n\nText.")).toBeUndefined();
    expect(found(datelineExtractor, "Note\n\nThe embassy in Baghdad cabled on July 14, 1958.")).toBeUndefined();
    expect(found(datelineExtractor, "Diary\n\nTuesday, November 12, 1963.\n\nText.")).toBeUndefined();
  });
});

describe("form field", () => {
  it("reads an OCR'd identification form's date, dashes and all, and not the system date above it", () => {
    const text = "JFK Assassination System Date: 3/6/2018\nIdentification Form\n\nDATE: — 11/25/1963\nPAGES: 11\n";
    expect(found(formExtractor, text)).toMatchObject({ value: "1963-11-25", source: "form" });
    expect(found(formExtractor, "Date: July 14, 1958\nTo: The Secretary")?.value).toBe("1958-07-14");
  });

  it("needs the label at the start of the line and the whole value to be one date", () => {
    expect(found(formExtractor, "DATE OF LAST REVIEW: 12/12/1997")).toBeUndefined();
    expect(found(formExtractor, "Review Date: 12/12/1997")).toBeUndefined();
    expect(found(formExtractor, "Date: July 14 or July 15, 1958")).toBeUndefined();
    expect(found(formExtractor, "DATE:\nPAGES: 11")).toBeUndefined();
  });
});

describe("first date-only line", () => {
  it("reads an upper-case date line of a brief", () => {
    const text = "THE PRESIDENT'S\n\nINTELLIGENCE CHECKLIST\n\n23 NOVEMBER 1963\nTOP SECRET\n1. South Vietnam";
    expect(found(firstDateExtractor, text)).toMatchObject({ value: "1963-11-23", source: "first-date" });
    expect(found(firstDateExtractor, "\n\n**December 18, 1958**\n\n**Report**")?.value).toBe("1958-12-18");
  });

  it("does not take a date inside a sentence, a year alone or a month alone", () => {
    expect(found(firstDateExtractor, "The coup came on 23 November 1963 at dawn.")).toBeUndefined();
    expect(found(firstDateExtractor, "Report\n\n1963\n\nNovember 1963\n")).toBeUndefined();
  });
});

describe("file name", () => {
  it("reads a full date or a year set off by separators", () => {
    expect(found(fileNameExtractor, "", "un/Session 13 - 1958/EGY_13_1958.txt")).toEqual({
      value: "1958",
      source: "file-name",
    });
    expect(found(fileNameExtractor, "", "cables/1958-07-14_baghdad.txt")?.value).toBe("1958-07-14");
    expect(found(fileNameExtractor, "", "cables/19580714.txt")?.value).toBe("1958-07-14");
  });

  it("does not read record numbers, page offsets, years glued to letters or impossible days", () => {
    expect(found(fileNameExtractor, "", "jfk_doc_1093.md")).toBeUndefined();
    expect(found(fileNameExtractor, "", "pages/p1172000.txt")).toBeUndefined();
    expect(found(fileNameExtractor, "", "frus1958-60v12_d109.jsonl")).toBeUndefined();
    expect(found(fileNameExtractor, "", "cables/1958-02-30.txt")?.value).toBe("1958");
  });
});

describe("extractor order", () => {
  it("prefers a dateline to a form field, a form field to a date-only line, any of them to the file name", () => {
    const text = "23 NOVEMBER 1963\n\nDATE: 11/25/1963\n\nWashington, November 26, 1963.\n";
    expect(dateFromContent({ text, path: "brief_1960.txt" }, lineDates)?.source).toBe("dateline");
    expect(dateFromContent({ text: text.split("\n\nWash")[0]!, path: "brief_1960.txt" }, lineDates)?.source).toBe(
      "form",
    );
    expect(dateFromContent({ text: "No date in here.", path: "brief_1960.txt" }, lineDates)?.source).toBe("file-name");
  });
});

describe("datedDocument", () => {
  it("dates a plain-text telegram from its dateline and says so", () => {
    const document = datedDocument(documentOf("Telegram\nWashington, August 4, 1958, 8:12 p.m.\n\nText."));
    expect(document.metadata).toMatchObject({ date: "1958-08-04", dateSource: "dateline" });
  });

  it("keeps a metadata date over a dateline", () => {
    const text = "---\ndate: 1958-07-20\n---\n\nWashington, August 4, 1958.\n\nText.";
    const document = datedDocument(documentOf(text, "note.md"));
    expect(document.metadata).toMatchObject({ date: "1958-07-20", dateSource: "metadata" });
  });

  it("leaves an encyclopedia article undated: its dates are its subject's", () => {
    const text = "= Ar-Rashid revolt =\n\nInfobox\n- Date: 3 July 1963\n\n3 July 1963\n\nThe revolt failed.";
    const document = datedDocument(documentOf(text, "revolt.txt"));
    expect(document.kind).toBe("encyclopedia");
    expect(document.metadata.date).toBeUndefined();
  });

  it("leaves a document without any date undated", () => {
    expect(datedDocument(documentOf("Some notes about Baghdad.\n\nMore notes.")).metadata.date).toBeUndefined();
  });
});

describe("documentReferenceDate", () => {
  it("uses the content date before the most frequent year", () => {
    const text = "Brief\n\nDATE: 11/25/1963\n\nIn 1958, 1958 and 1958 the monarchy fell.";
    expect(documentReferenceDate(text)).toBe("1963-11-25");
    expect(documentReferenceDate("In 1958, 1958 and 1963 the monarchy fell.")).toBe("1958");
  });
});

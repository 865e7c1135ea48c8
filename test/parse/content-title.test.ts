import { describe, expect, it } from "vitest";
import { isFurniture, titleFromContent } from "../../src/parse/content-title.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";

const titleOf = (text: string, path = "notes/doc_17.txt"): string =>
  parse(decode(new TextEncoder().encode(text), path))[0]!.title;

describe("titles from content", () => {
  it("takes a documentary edition's numbered head, on its own line or run into the text", () => {
    expect(titleFromContent("109. Editorial Note\n\nAt 8:29 a.m. Washington time, July 14, …")).toBe(
      "109. Editorial Note",
    );
    expect(titleFromContent("109. Editorial Note At 8:29 a.m. Washington time, July 14, Secretary Dulles")).toBe(
      "109. Editorial Note",
    );
    expect(
      titleFromContent(
        "110. Telegram From the Embassy in Iraq to the Department of State Source: Department of State, Central Files.",
      ),
    ).toBe("110. Telegram From the Embassy in Iraq to the Department of State");
    expect(titleFromContent("113. Memorandum of Conversation[Source: Central Files, 787.00/7–1458.]")).toBe(
      "113. Memorandum of Conversation",
    );
  });

  it("does not take a numbered paragraph of prose for a head", () => {
    expect(titleFromContent("1. The Prime Minister received me at noon and spoke at length of the army.")).toBe(
      undefined,
    );
  });

  it("takes a form's title field", () => {
    const form = "AGENCY: LBJ\nRECORD NUMBER: — 177-10002-10096\n\nTITLE: | THE PRESIDENT'S INTELLIGENCE CHECKLIST\n";
    expect(titleFromContent(form)).toBe("THE PRESIDENT'S INTELLIGENCE CHECKLIST");
  });

  it("takes the first heading-like line past page furniture", () => {
    const text = "TOP SECRET\n\n177-10002-10103\n\n23 NOVEMBER 1963\n\nTHE PRESIDENT'S INTELLIGENCE CHECKLIST\n\nText.";
    expect(titleFromContent(text)).toBe("THE PRESIDENT'S INTELLIGENCE CHECKLIST");
    expect(titleOf("Iraq, 1958\r\n\r\nThe monarchy was overthrown on 14 July.")).toBe("Iraq, 1958");
  });

  it("never takes furniture, a form's labels or a line of wrapped prose; falls back to the file name", () => {
    for (const line of ["TOP SECRET", "(Security Classification)", "177-10002-10096", "DATE: 11/25/1963", "Page 2"]) {
      expect(isFurniture(line)).toBe(true);
    }
    expect(isFurniture("Report of the Hungarian Ambassador")).toBe(false);
    const form = "AGENCY :\nRECORD NUMBER :\nTITLE :\n\nAgency Information\n\nLBJ\n";
    expect(titleFromContent(form)).toBeUndefined();
    const prose = "the embassy reported that the army had moved\ninto the city before dawn and that the king";
    expect(titleOf(prose)).toBe("doc_17");
  });
});

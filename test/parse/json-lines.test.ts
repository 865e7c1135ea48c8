import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { originalOf, parseText } from "./helpers.js";

/** Two records as FRUS exports them: names listed before the text, under a nested "text" key of their own. */
const RECORDS = [
  {
    id: "d109",
    head: "109. Editorial Note",
    date_when: "1958-07-14",
    persName_mentions: [{ corresp: "#p_DAW1", text: "Allen Dulles" }],
    text: 'At 8:29 a.m. Secretary Dulles telephoned: a "coup" in Baghdad.\nQāsim spoke 😀 on the radio.',
  },
  { id: "d110", head: "110. Telegram", date_when: null, text: "Nuri was overthrown at daybreak today." },
];

describe("JSON Lines", () => {
  const file = RECORDS.map((r) => JSON.stringify(r)).join("\n") + "\n";

  it("reads one document per record: its text field, title, date and id", () => {
    const { documents } = parseText(file, "volume.jsonl");
    expect(documents.map((d) => [d.format, d.title, d.metadata.date ?? null, d.id.split("#")[1]])).toEqual([
      ["jsonl", "109. Editorial Note", "1958-07-14", "d109"],
      ["jsonl", "110. Telegram", null, "d110"],
    ]);
    expect(documents.map((d) => d.text)).toEqual(RECORDS.map((r) => r.text));
  });

  it("maps a word through the JSON escapes before it to where the file writes it", () => {
    const escaped = file.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    for (const input of [file, escaped]) {
      const { source, documents } = parseText(input, "volume.ndjson");
      const first = documents[0]!;
      const radio = first.text.indexOf("radio");
      expect(originalOf(first, source, radio, radio + 5)).toBe("radio");
      const name = first.text.indexOf("Qāsim");
      expect(JSON.parse(`"${originalOf(first, source, name, name + 5)}"`)).toBe("Qāsim");
      const nuri = documents[1]!.text.indexOf("Nuri");
      expect(originalOf(documents[1]!, source, nuri, nuri + 4)).toBe("Nuri");
    }
  });

  it("leaves lines of JSON without a text field to the other readers", () => {
    const { documents } = parseText('{"id": 1, "year": 1958}\n{"id": 2, "year": 1963}\n', "rows.jsonl");
    expect(documents.map((d) => d.format)).not.toContain("jsonl");
  });

  it("refuses a file whose later record is broken, naming the record and where it starts", () => {
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Record ${i}.` }));
    lines.push('{"id": "r60", "text": "cut off');
    const attempt = () => parseText(lines.join("\n"), "volume.jsonl");
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/record 61 .* is not one JSON object: fix that line/);
  });
});

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { processFile, type ProcessResult } from "../../src/ingest/process-file.js";
import { tempDir } from "../helpers/cli.js";

async function processBytes(bytes: Uint8Array, name: string): Promise<ProcessResult> {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return processFile({ path, size: bytes.byteLength, mtimeMs: 0 });
}

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const coups = workbook.addWorksheet("Coups");
  coups.addRow(["country", "date", "event_type", "leader"]);
  coups.addRow(["Iraq", new Date(Date.UTC(1958, 6, 14)), "coup", "Abd al-Karim Qasim"]);
  coups.addRow(["Iraq", new Date(Date.UTC(1959, 2, 7)), "attempted", "Abd al-Wahab al-Shawwaf"]);
  coups.addRow(["Syria", "1963-03-08", "coup", { richText: [{ text: "Military " }, { text: "Committee" }] }]);
  const notes = workbook.addWorksheet("Notes");
  notes.addRow(["source", "pages"]);
  notes.addRow(["Batatu, The Old Social Classes", { formula: "800+85", result: 885 }]);
  workbook.addWorksheet("Empty");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("XLSX workbooks", () => {
  it("reads each sheet with rows as a table document with its own part", async () => {
    const result = await processBytes(await workbookBytes(), "coups.xlsx");
    if (!result.ok) throw new Error(result.error);
    const documents = result.records.map((record) => record.document);
    expect(documents.map((document) => document.id)).toEqual([
      `${result.contentHash}#Coups`,
      `${result.contentHash}#Notes`,
    ]);
    expect(documents.map((document) => [document.title, document.format, document.kind])).toEqual([
      ["coups: Coups", "table", "dataset"],
      ["coups: Notes", "table", "dataset"],
    ]);
    expect(documents[0]!.decoding.encoding).toBe("XLSX");
    expect(documents[0]!.text.split("\n")).toEqual([
      "row 2: country: Iraq; date: 1958-07-14; event_type: coup; leader: Abd al-Karim Qasim",
      "row 3: country: Iraq; date: 1959-03-07; event_type: attempted; leader: Abd al-Wahab al-Shawwaf",
      "row 4: country: Syria; date: 1963-03-08; event_type: coup; leader: Military Committee",
    ]);
    expect(documents[1]!.text).toBe("row 2: source: Batatu, The Old Social Classes; pages: 885");
    expect(result.records.every((record) => record.mentions?.length === 0)).toBe(true);
  });

  it("turns a sheet of events into dataset events citing their rows", async () => {
    const result = await processBytes(await workbookBytes(), "coups.xlsx");
    if (!result.ok) throw new Error(result.error);
    const [coups, notes] = result.records;
    expect(notes!.events).toEqual([]);
    expect(
      coups!.events!.map((event) => [event.label, event.date?.precision, event.fields.result?.[0]?.value]),
    ).toEqual([
      ["Iraq coup, 1958-07-14", "day", undefined],
      ["Iraq coup attempt, 1959-03-07", "day", "failed"],
      ["Syria coup, 1963-03-08", "day", undefined],
    ]);
    const attempt = coups!.events![1]!;
    expect(coups!.document.text.slice(attempt.quote.start, attempt.quote.end)).toMatch(/^row 3: /);
  });

  it("refuses a damaged workbook in one line, a damaged Word file as such, and other ZIP archives as before", async () => {
    const bytes = await workbookBytes();
    const damaged = await processBytes(bytes.slice(0, Math.floor(bytes.length * 0.9)), "damaged.xlsx");
    expect(damaged).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^could not be read as XLSX \(.*\); check that the file is complete/),
    });
    expect((damaged as { error: string }).error).not.toContain("\n");
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml and more")]);
    const letter = await processBytes(zip, "letter.docx");
    expect(letter).toMatchObject({ ok: false, error: expect.stringMatching(/^is not a readable Word document/) });
    const other = await processBytes(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("x")]), "a.zip");
    expect(other).toMatchObject({ ok: false, error: expect.stringMatching(/^looks like a ZIP archive/) });
  });
});

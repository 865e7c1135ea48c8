import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { readBinary } from "../../../src/parse/binary/index.js";
import { writeEpub, writeOdt } from "./make-packages.js";

async function failure(bytes: Uint8Array, path: string): Promise<InputError> {
  const error = await readBinary(bytes, path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).message).not.toContain("\n");
  return error as InputError;
}

describe("ODT", () => {
  const odt = () =>
    writeOdt({
      paragraphs: [
        "# The coup of November 1963",
        "## Baghdad",
        "Arif removed the Baath from power.[^CIA checklist, 23 November 1963.]",
        "The National Guard was  disbanded.",
      ],
      meta: { title: "Iraq 1963", creator: "A. Historian", date: "1999-04-02T10:00:00" },
      comment: "check this against the cables",
    });

  it("keeps headings as sections, footnotes under Notes, and the meta.xml title, author and date", async () => {
    const [document] = (await readBinary(await odt(), "notes.odt"))!;
    expect(document!.format).toBe("odt");
    expect(document!.title).toBe("Iraq 1963");
    expect(document!.metadata).toMatchObject({ author: "A. Historian", date: "1999-04-02" });
    expect(document!.sections.map((s) => [s.title, s.level])).toEqual([
      ["The coup of November 1963", 1],
      ["Baghdad", 2],
      ["Notes", 2],
    ]);
    expect(document!.text).toContain("Arif removed the Baath from power.");
    expect(document!.text).toContain("The National Guard was disbanded.");
    const notes = document!.sections.find((s) => s.title === "Notes")!;
    expect(document!.text.slice(notes.start, notes.end)).toContain("CIA checklist, 23 November 1963.");
  });

  it("leaves reviewers' comments out of the text", async () => {
    const [document] = (await readBinary(await odt(), "notes.odt"))!;
    expect(document!.text).not.toContain("check this against the cables");
  });

  it("is told from other OpenDocument files by its mimetype: a spreadsheet is not read as text", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    expect(await readBinary(await zip.generateAsync({ type: "uint8array" }), "sheet.odt")).toBeUndefined();
  });

  it("fails a cut-off or malformed ODT with one line that says what to do", async () => {
    const whole = await odt();
    const cut = await failure(whole.slice(0, whole.length - 300), "broken.odt");
    expect(cut.message).toMatch(/^is not a readable OpenDocument text \(.*\); open it in a word processor/);
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content><office:text><text:p>unclosed");
    const malformed = await failure(await zip.generateAsync({ type: "uint8array" }), "malformed.odt");
    expect(malformed.message).toMatch(/^is not a readable OpenDocument text \(content\.xml: /);
  });
});

describe("EPUB", () => {
  const chapters = [
    "<h1>The revolution of 1958</h1><p>Qasim took Baghdad on 14 July 1958.</p>",
    "<h1>The coup of 1963</h1><p>The Baath seized power in February 1963.</p>",
  ];

  it("reads the chapters in the spine's order, headings as sections, and the package's title, author and date", async () => {
    const bytes = await writeEpub({
      chapters,
      manifestOrder: [1, 0],
      meta: { title: "A History of Iraq", creator: "A. Historian", date: "2004-05" },
    });
    const [document] = (await readBinary(bytes, "book.epub"))!;
    expect(document!.format).toBe("epub");
    expect(document!.title).toBe("A History of Iraq");
    expect(document!.metadata).toMatchObject({ author: "A. Historian", date: "2004-05" });
    expect(document!.sections.map((s) => s.title)).toEqual(["The revolution of 1958", "The coup of 1963"]);
    const first = document!.text.indexOf("Qasim took Baghdad");
    expect(first).toBeGreaterThanOrEqual(0);
    expect(document!.text.indexOf("The Baath seized power")).toBeGreaterThan(first);
  });

  it("refuses a book with DRM, saying so", async () => {
    const error = await failure(await writeEpub({ chapters, encrypted: true }), "locked.epub");
    expect(error.message).toMatch(/^is an EPUB with DRM/);
  });

  it("fails a cut-off EPUB or one without a package document with one line that says what to do", async () => {
    const whole = await writeEpub({ chapters });
    const cut = await failure(whole.slice(0, whole.length - 300), "broken.epub");
    expect(cut.message).toMatch(/^is not a readable EPUB \(.*\); check that the file is complete/);
    const zip = new JSZip();
    zip.file("mimetype", "application/epub+zip", { compression: "STORE" });
    const empty = await failure(await zip.generateAsync({ type: "uint8array" }), "empty.epub");
    expect(empty.message).toMatch(/names no package document/);
  });
});

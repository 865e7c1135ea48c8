import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { readBinary } from "../../../src/parse/binary/index.js";
import { writeDocx } from "./make-docx.js";

describe("DOCX", () => {
  it("keeps headings as sections, footnotes under Notes, and the core properties", async () => {
    const bytes = await writeDocx({
      paragraphs: [
        "# The coup of November 1963",
        "## Baghdad",
        "Arif removed the Baath from power.[^1]",
        "The National Guard was disbanded.",
      ],
      footnotes: ["CIA checklist, 23 November 1963."],
      core: { title: "Iraq 1963", creator: "A. Historian", created: "1999-04-02T10:00:00Z" },
    });
    const [document] = (await readBinary(bytes, "notes.docx"))!;
    expect(document!.format).toBe("docx");
    expect(document!.title).toBe("Iraq 1963");
    expect(document!.metadata).toMatchObject({ author: "A. Historian", date: "1999-04-02" });
    expect(document!.sections.map((s) => [s.title, s.level])).toEqual([
      ["The coup of November 1963", 1],
      ["Baghdad", 2],
      ["Notes", 2],
    ]);
    expect(document!.text).toContain("Arif removed the Baath from power.");
    const notes = document!.sections.find((s) => s.title === "Notes")!;
    expect(document!.text.slice(notes.start, notes.end)).toContain("CIA checklist, 23 November 1963.");
    expect(document!.decoding.encoding).toBe("DOCX");
  });

  it("is told from other ZIP files by its word/document.xml, not by its name", async () => {
    const zip = new JSZip();
    zip.file("notes.txt", "not a Word document");
    const other = await zip.generateAsync({ type: "uint8array" });
    expect(await readBinary(other, "fake.docx")).toBeUndefined();
  });

  it("fails a corrupt DOCX with one line that says what to do", async () => {
    const whole = await writeDocx({ paragraphs: ["Some text."] });
    const error = await readBinary(whole.slice(0, whole.length - 200), "broken.docx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(
      /^is not a readable Word document \(.*\); open it in a word processor/,
    );
    expect((error as InputError).message).not.toContain("\n");
  });
});

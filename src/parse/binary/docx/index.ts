import JSZip from "jszip";
import { InputError } from "../../../core/errors.js";
import { dublinCore, OFFICE_CORE } from "../dublin-core.js";
import { documentsFromHtml } from "../html-package.js";
import type { BinaryReader } from "../types.js";
import { isZipWith } from "../zip-package.js";

/**
 * Word (DOCX): mammoth turns the document into HTML (headings, lists, tables, footnotes at the end
 * under "Notes"), which the HTML reader reads; title, author and date come from docProps/core.xml.
 */
export const docxReader: BinaryReader = {
  name: "DOCX",
  detect: (bytes) => isZipWith(bytes, "word/document.xml"),
  async read(bytes, path) {
    const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
      throw corrupt(error);
    });
    if (!zip.file("word/document.xml")) throw corrupt(new Error("it has no word/document.xml"));
    const core = dublinCore((await zip.file("docProps/core.xml")?.async("string")) ?? "", OFFICE_CORE);
    const { default: mammoth } = await import("mammoth"); // loaded on first use, like exceljs
    const { value: body } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }).catch((error: unknown) => {
      throw corrupt(error);
    });
    const html = `<!DOCTYPE html><html><body>${withNotesHeading(body)}</body></html>`;
    return documentsFromHtml(html, path, "docx", core);
  },
};

/** mammoth puts the footnotes in a list at the end; a heading makes them a section of their own. */
function withNotesHeading(body: string): string {
  const notes = body.search(/<ol><li id="(?:footnote|endnote)-/);
  return notes < 0 ? body : `${body.slice(0, notes)}<h2>Notes</h2>${body.slice(notes)}`;
}

function corrupt(error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(
    `is not a readable Word document (${reason}); open it in a word processor and save it again as DOCX`,
    "malformed-docx",
  );
}

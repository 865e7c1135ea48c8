import JSZip from "jszip";
import mammoth from "mammoth";
import { InputError } from "../../../core/errors.js";
import { OffsetMap } from "../../../core/offset-map.js";
import type { DecodedSource } from "../../../decode/decoded-source.js";
import { htmlReader } from "../../readers/html.js";
import type { BinaryReader } from "../types.js";
import { coreProperties } from "./core-properties.js";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Word (DOCX): mammoth turns the document into HTML (headings, lists, tables, footnotes at the end
 * under "Notes"), which the HTML reader reads; title, author and date come from docProps/core.xml.
 */
export const docxReader: BinaryReader = {
  name: "DOCX",
  detect(bytes) {
    if (!ZIP.every((byte, i) => bytes[i] === byte)) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("word/document.xml") >= 0;
  },
  async read(bytes, path) {
    const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
      throw corrupt(error);
    });
    if (!zip.file("word/document.xml")) throw corrupt(new Error("it has no word/document.xml"));
    const core = coreProperties((await zip.file("docProps/core.xml")?.async("string")) ?? "");
    const { value: body } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }).catch((error: unknown) => {
      throw corrupt(error);
    });
    const html = `<!DOCTYPE html><html><body>${withNotesHeading(body)}</body></html>`;
    const source: DecodedSource = {
      path,
      original: html,
      text: html,
      map: OffsetMap.identity(html.length),
      report: { encoding: "DOCX", bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] },
      contentHash: "",
    };
    return htmlReader.read(source).map((document) => ({
      ...document,
      format: "docx" as const,
      kind: "other" as const,
      title: core.title ?? document.title,
      metadata: { ...document.metadata, ...core.metadata },
    }));
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

import { InputError } from "../../../core/errors.js";
import { dublinCore, OPEN_DOCUMENT_META } from "../dublin-core.js";
import { documentsFromHtml } from "../html-package.js";
import type { BinaryReader } from "../types.js";
import { isZipWith, openZipPackage } from "../zip-package.js";
import { contentHtml } from "./content-html.js";

/** The mimetype entry an OpenDocument text stores first and uncompressed (spreadsheets and slides differ). */
const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

/**
 * OpenDocument text (ODT): content.xml to HTML (headings, paragraphs, lists, tables, footnotes under
 * "Notes"), read by the HTML reader; title, author and date from meta.xml.
 */
export const odtReader: BinaryReader = {
  name: "ODT",
  detect: (bytes) => isZipWith(bytes, ODT_MIMETYPE),
  async read(bytes, path) {
    const zip = await openZipPackage(bytes, corrupt);
    const content = await zip.text("content.xml");
    if (content === undefined) throw corrupt("it has no content.xml");
    let body;
    try {
      body = contentHtml(content);
    } catch (error) {
      throw corrupt(`content.xml: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    const meta = dublinCore((await zip.text("meta.xml")) ?? "", OPEN_DOCUMENT_META);
    return documentsFromHtml(`<!DOCTYPE html><html><body>${body}</body></html>`, path, "odt", meta);
  },
};

function corrupt(reason: string): InputError {
  return new InputError(
    `is not a readable OpenDocument text (${reason}); open it in a word processor and save it again as ODT or DOCX`,
    "malformed-odt",
  );
}

import type { DocumentMetadata } from "../../core/document.js";
import { OffsetMap } from "../../core/offset-map.js";
import type { DecodedSource } from "../../decode/decoded-source.js";
import { htmlReader } from "../readers/html.js";
import type { ParsedDocument } from "../reader.js";

/**
 * A word-processor or e-book file converted to HTML, read by the HTML reader: its headings become
 * sections; the package's own title and metadata win over what the HTML says.
 */
export function documentsFromHtml(
  html: string,
  path: string,
  format: "docx" | "odt" | "epub",
  own: { title?: string; metadata: DocumentMetadata },
): ParsedDocument[] {
  const source: DecodedSource = {
    path,
    original: html,
    text: html,
    map: OffsetMap.identity(html.length),
    report: { encoding: format.toUpperCase(), bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] },
    contentHash: "",
  };
  return htmlReader.read(source).map((document) => ({
    ...document,
    format,
    kind: "other" as const,
    title: own.title ?? document.title,
    metadata: { ...document.metadata, ...own.metadata },
  }));
}

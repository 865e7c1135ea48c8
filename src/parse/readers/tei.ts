import type { DecodedSource } from "../../decode/decoded-source.js";
import { markupEvents } from "../markup-events.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { collapseWhitespace, titleFromPath } from "../strings.js";
import { TeiDocument } from "./tei-document.js";
import { assertWellFormedXml } from "./xml-well-formed.js";

const TEI_MARKERS = /<TEI[\s>]|xmlns(?::\w+)?=["']http:\/\/www\.tei-c\.org\/ns\/1\.0["']/;
const XML_DECLARATION = /^\s*<\?xml\s/;
/** What an XML file starts with: a declaration, or comments, processing instructions and a doctype before the root element. */
const XML_START = /^\s*(?:<\?xml\s|(?:(?:<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>)\s*)*<[A-Za-z_][\w.:-]*[\s/>])/;
const DOCUMENT_DIV = /<div\b[^>]*\btype\s*=\s*["']document["']/;
const SAMPLE_CHARS = 10_000;

/**
 * TEI XML. A file holding `div type="document"` elements (as FRUS volumes do) yields one document
 * per div (part = xml:id); any other file yields one document from its `text` element.
 * Footnotes (`note`) are moved after the body, under a "Notes" heading, so sentences stay whole.
 */
export const teiReader: Reader = {
  format: "tei",

  detect(source: DecodedSource): number {
    const sample = source.text.slice(0, SAMPLE_CHARS);
    if (!XML_START.test(sample)) return 0;
    if (TEI_MARKERS.test(sample)) return 0.95;
    return XML_DECLARATION.test(sample) && !/<html[\s>]/i.test(sample) ? 0.3 : 0;
  },

  read(source: DecodedSource): ParsedDocument[] {
    assertWellFormedXml(source.text);
    const events = markupEvents(source.text, true);
    const byDivs = DOCUMENT_DIV.test(source.text);
    const hasTextElement = /<text[\s>]/.test(source.text);
    const documents: ParsedDocument[] = [];
    let current: TeiDocument | undefined;
    let depth = 0;
    let documentDepth = 0;
    const header = { inTitleStatement: false, inTitle: false, title: "" };
    for (const event of events) {
      if (event.type === "open") {
        depth++;
        const startsDocument = byDivs
          ? event.name === "div" && event.attributes.type === "document"
          : event.name === "text" || (!hasTextElement && depth === 1);
        if (!current && startsDocument) {
          const part = byDivs
            ? (event.attributes["xml:id"] ?? event.attributes.n ?? `${documents.length + 1}`)
            : undefined;
          current = new TeiDocument(source.text, part);
          documentDepth = depth;
        } else if (current) {
          current.open(event.name, event.attributes, event.start, depth - documentDepth);
        } else {
          if (event.name === "titleStmt") header.inTitleStatement = true;
          if (event.name === "title" && header.inTitleStatement && !header.title) header.inTitle = true;
        }
      } else if (event.type === "close") {
        if (current && depth === documentDepth) {
          const fallback = byDivs ? (current.part ?? "") : collapseWhitespace(header.title);
          documents.push(current.build(event.end, fallback || titleFromPath(source.path)));
          current = undefined;
        } else if (current) {
          current.close(event.end);
        } else {
          if (event.name === "titleStmt") header.inTitleStatement = false;
          if (event.name === "title") header.inTitle = false;
        }
        depth--;
      } else if (current) {
        current.text(event);
      } else if (header.inTitle) {
        header.title += event.data;
      }
    }
    return documents;
  },
};

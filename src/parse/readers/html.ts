import type { DecodedSource } from "../../decode/decoded-source.js";
import { markupEvents } from "../markup-events.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { sectionsFromHeadings } from "../sections.js";
import { titleFromPath } from "../strings.js";
import { layoutHtml } from "./html-layout.js";
import { readHtmlPage } from "./html-page.js";

const SAMPLE_CHARS = 10_000;
const PAGE_MARKERS = /<!doctype\s+html|<html[\s>]|<body[\s>]/i;
const HTML_TAGS = /<(?:p|div|span|a|table|br|li|ul|h[1-6]|em|strong|b|i)[\s>/]/gi;

/**
 * HTML, e.g. a saved Wikipedia page: the main content's text (navigation, scripts, references
 * and edit links left out), headings as sections, a `table.infobox` as infobox fields.
 */
export const htmlReader: Reader = {
  format: "html",

  detect(source: DecodedSource): number {
    const sample = source.text.slice(0, SAMPLE_CHARS);
    if (PAGE_MARKERS.test(sample)) return 0.9;
    const tags = (sample.match(HTML_TAGS) ?? []).length;
    return tags >= 3 ? 0.6 : tags > 0 ? 0.2 : 0;
  },

  read(source: DecodedSource): ParsedDocument[] {
    const events = markupEvents(source.text, false);
    const page = readHtmlPage(events);
    const { text, map, headings, infobox } = layoutHtml(events, page.contentIndex, source.text);
    const title = page.title ?? headings.find((heading) => heading.level === 1)?.title ?? titleFromPath(source.path);
    return [
      {
        title,
        format: "html",
        kind: page.isWikipedia || infobox.length > 0 ? "encyclopedia" : "other",
        metadata: { ...page.metadata, ...(page.isWikipedia ? { author: page.metadata.author ?? "Wikipedia" } : {}) },
        sections: sectionsFromHeadings(headings, text),
        infobox,
        markup: [],
        text,
        map,
      },
    ];
  },
};

import type { DocumentMetadata } from "../../core/document.js";
import { normalizePlainDate } from "../dates.js";
import type { MarkupEvent } from "../markup-events.js";
import { collapseWhitespace } from "../strings.js";

export interface HtmlPage {
  /** Index in the events of the open tag whose content is the article; -1 for the whole page. */
  contentIndex: number;
  title?: string;
  metadata: DocumentMetadata;
  isWikipedia: boolean;
}

interface Frame {
  index: number;
  name: string;
  textLength: number;
  paragraphText: number;
}

const NOT_CONTENT = new Set(["script", "style", "noscript", "template", "nav", "footer", "head"]);

export function classesOf(attributes: Record<string, string>): string[] {
  return (attributes.class ?? "").split(/\s+/).filter((name) => name.length > 0);
}

/**
 * What a page says about itself (title, language, canonical URL, meta tags) and where its main
 * content is: `#mw-content-text`, else `main`, else `article`, else the element whose paragraphs
 * hold the most text.
 */
export function readHtmlPage(events: readonly MarkupEvent[]): HtmlPage {
  const metadata: DocumentMetadata = {};
  const frames: Frame[] = [];
  let byId = -1;
  let main = -1;
  let article = -1;
  let body = -1;
  let best = { index: -1, paragraphText: 0 };
  let titleText: string | undefined;
  let firstHeading: string | undefined;
  let firstH1: string | undefined;
  let capture: { into: "title" | "firstHeading" | "h1"; depth: number; text: string } | undefined;
  let isWikipedia = false;
  let hidden = 0;
  events.forEach((event, index) => {
    if (event.type === "open") {
      const { name, attributes } = event;
      frames.push({ index, name, textLength: 0, paragraphText: 0 });
      if (hidden > 0 || NOT_CONTENT.has(name)) hidden++;
      if (attributes.id === "mw-content-text" && byId < 0) byId = index;
      if (name === "main" && main < 0) main = index;
      if (name === "article" && article < 0) article = index;
      if (name === "body" && body < 0) body = index;
      if (name === "html" && attributes.lang) metadata.language = attributes.lang;
      if (name === "link" && /\bcanonical\b/i.test(attributes.rel ?? "") && attributes.href)
        metadata.url = attributes.href;
      if (name === "meta") readMeta(attributes, metadata);
      if (name === "meta" && isWikipediaMeta(attributes)) isWikipedia = true;
      if (!capture) {
        const into =
          name === "title"
            ? "title"
            : name === "h1"
              ? attributes.id === "firstHeading"
                ? "firstHeading"
                : "h1"
              : undefined;
        if (into) capture = { into, depth: frames.length, text: "" };
      }
    } else if (event.type === "close") {
      const frame = frames.pop();
      if (!frame) return;
      if (hidden > 0) hidden--;
      const parent = frames[frames.length - 1];
      if (parent) {
        parent.textLength += frame.textLength;
        if (frame.name === "p") parent.paragraphText += frame.textLength;
      }
      if (frame.paragraphText > best.paragraphText) best = { index: frame.index, paragraphText: frame.paragraphText };
      if (capture && capture.depth === frames.length + 1) {
        const text = collapseWhitespace(capture.text);
        if (capture.into === "title") titleText ??= text;
        else if (capture.into === "firstHeading") firstHeading ??= text;
        else firstH1 ??= text;
        capture = undefined;
      }
    } else {
      if (capture) capture.text += event.data;
      const frame = frames[frames.length - 1];
      if (frame && hidden === 0) frame.textLength += event.data.trim().length;
    }
  });
  if (/ [-–—] Wikipedia$/.test(titleText ?? "") || /wikipedia\.org/.test(metadata.url ?? "")) isWikipedia = true;
  if (byId >= 0) isWikipedia = true;
  const contentIndex = [byId, main, article, best.index, body].find((index) => index >= 0) ?? -1;
  const pageTitle = titleText?.replace(/ [-–—|] [^-–—|]+$/, "");
  const title = firstHeading ?? firstH1 ?? pageTitle;
  return { contentIndex, ...(title ? { title } : {}), metadata, isWikipedia };
}

function readMeta(attributes: Record<string, string>, metadata: DocumentMetadata): void {
  const key = (attributes.name ?? attributes.property ?? "").toLowerCase();
  const content = attributes.content?.trim();
  if (!content) return;
  if (key === "author" || key === "article:author" || key === "dc.creator") metadata.author ??= content;
  else if (key === "description" || key === "og:description") metadata.description ??= content;
  else if (key === "og:url") metadata.url ??= content;
  else if (key === "article:published_time" || key === "dc.date" || key === "date") {
    const date = normalizePlainDate(content.slice(0, 10)) ?? normalizePlainDate(content);
    if (date) metadata.date ??= date;
  }
}

function isWikipediaMeta(attributes: Record<string, string>): boolean {
  const content = attributes.content ?? "";
  if (attributes.name === "generator") return /^mediawiki/i.test(content);
  return attributes.property === "og:site_name" && /wikipedia/i.test(content);
}

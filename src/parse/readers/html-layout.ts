import type { InfoboxField } from "../../core/document.js";
import type { OffsetMap } from "../../core/offset-map.js";
import { appendMarkupText, type MarkupEvent } from "../markup-events.js";
import type { Heading } from "../sections.js";
import { collapseWhitespace } from "../strings.js";
import { TextAssembler, trimSpan } from "../text-assembler.js";
import { InfoboxCollector } from "./html-infobox.js";
import { classesOf } from "./html-page.js";

export interface HtmlLayout {
  text: string;
  map: OffsetMap;
  headings: Heading[];
  infobox: InfoboxField[];
}

const BLOCK_ELEMENTS = new Set(
  (
    "address article aside blockquote caption dd details div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 " +
    "header hr li main ol p pre section summary table tbody thead tfoot tr ul"
  ).split(" "),
);
const SKIPPED_ELEMENTS = new Set(
  "script style noscript template nav footer form button select textarea svg math iframe object head title".split(" "),
);
const SKIPPED_CLASSES = new Set(
  (
    "mw-editsection reference references reflist mw-references-wrap navbox navbox-styles vertical-navbox toc " +
    "catlinks noprint mw-jump-link hatnote sistersitebox ambox mbox-small metadata mw-cite-backlink printfooter " +
    "mw-empty-elt"
  ).split(" "),
);

interface Frame {
  name: string;
  skipped: boolean;
  block: boolean;
  heading?: { level: number; start: number; text: string };
}

function isSkipped(name: string, attributes: Record<string, string>): boolean {
  if (SKIPPED_ELEMENTS.has(name) || attributes.hidden !== undefined || attributes["aria-hidden"] === "true")
    return true;
  if (attributes.role === "navigation" || /display:\s*none/i.test(attributes.style ?? "")) return true;
  return classesOf(attributes).some((name) => SKIPPED_CLASSES.has(name));
}

/** Lays out the content element's text (events `from` its open tag to its close), mapped to `source`. */
export function layoutHtml(events: readonly MarkupEvent[], from: number, source: string): HtmlLayout {
  const out = new TextAssembler(source);
  const frames: Frame[] = [];
  const headings: Heading[] = [];
  const infobox = new InfoboxCollector(out);
  let skipDepth = 0;
  let preDepth = 0;
  const openHeadings: NonNullable<Frame["heading"]>[] = [];
  const blockBreak = (at: number): void => {
    const separator = infobox.blockSeparator();
    if (separator) out.blockBreak(at, separator);
  };
  for (let i = Math.max(0, from); i < events.length; i++) {
    const event = events[i]!;
    if (event.type === "text") {
      if (skipDepth > 0) continue;
      appendMarkupText(out, source, event, preDepth > 0);
      const heading = openHeadings[openHeadings.length - 1];
      if (heading) heading.text += event.data;
      infobox.text(event.data);
      continue;
    }
    if (event.type === "open") {
      const { name, attributes } = event;
      const frame: Frame = {
        name,
        skipped: skipDepth > 0 || isSkipped(name, attributes),
        block: BLOCK_ELEMENTS.has(name),
      };
      frames.push(frame);
      if (frame.skipped) {
        skipDepth++;
        continue;
      }
      if (frame.block) blockBreak(event.start);
      if (name === "td" || name === "th") out.space(event.start);
      if (name === "br") out.blockBreak(event.start, "\n");
      if (name === "pre") preDepth++;
      if (/^h[1-6]$/.test(name)) {
        frame.heading = { level: Number(name[1]), start: out.length, text: "" };
        openHeadings.push(frame.heading);
      }
      infobox.open(name, attributes, event.start);
      continue;
    }
    const frame = frames.pop();
    if (!frame) break;
    if (frame.skipped) {
      skipDepth--;
    } else {
      if (frame.heading) {
        openHeadings.pop();
        const title = collapseWhitespace(frame.heading.text);
        if (title) headings.push({ title, level: frame.heading.level, start: frame.heading.start });
      }
      infobox.close(frame.name);
      if (frame.name === "pre") preDepth--;
      if (frame.block) blockBreak(event.end);
    }
    if (frames.length === 0 && from >= 0) break;
  }
  const { text, map } = out.build();
  return {
    text,
    map,
    headings: headings.map((heading) => ({
      ...heading,
      start: trimSpan(text, { start: heading.start, end: text.length }).start,
    })),
    infobox: infobox.finish(text),
  };
}

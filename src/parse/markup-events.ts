import { Parser } from "htmlparser2";
import type { TextAssembler } from "./text-assembler.js";

export type MarkupEvent =
  | { type: "open"; name: string; attributes: Record<string, string>; start: number }
  | { type: "close"; name: string; end: number }
  /** `data` is the text of source[start, end): a run of characters, one decoded entity, or a CDATA section's content. */
  | { type: "text"; data: string; start: number; end: number };

/**
 * The tags and text of an HTML or XML source as a flat list, with source offsets. htmlparser2
 * streams, so arbitrarily deep nesting costs no stack; implied end tags are reported as closes.
 */
export function markupEvents(source: string, xml: boolean): MarkupEvent[] {
  const events: MarkupEvent[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        events.push({ type: "open", name, attributes, start: parser.startIndex });
      },
      onclosetag(name) {
        events.push({ type: "close", name, end: parser.endIndex + 1 });
      },
      ontext(data) {
        events.push({ type: "text", data, start: parser.startIndex, end: parser.endIndex + 1 });
      },
    },
    { xmlMode: xml, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(source);
  return events;
}

/** Appends a text event: verbatim where the data is the source, as a replacement where an entity was decoded. */
export function appendMarkupText(
  out: TextAssembler,
  source: string,
  event: Extract<MarkupEvent, { type: "text" }>,
  preserveWhitespace = false,
): void {
  const { data, start, end } = event;
  const raw = source.slice(start, end);
  const cdata = "<![CDATA[";
  if (raw === data) {
    out.appendSource(start, end, preserveWhitespace);
  } else if (raw.startsWith(cdata) && raw.startsWith(data, cdata.length)) {
    out.appendSource(start + cdata.length, start + cdata.length + data.length, preserveWhitespace);
  } else {
    out.appendReplacement(data, start, end);
  }
}

import type { InfoboxField, InfoboxValue } from "../../core/document.js";
import { MappedTextBuilder } from "../../core/offset-map.js";
import type { DecodedSource } from "../../decode/decoded-source.js";
import { linesOf, type Line } from "../lines.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { sectionsFromHeadings, type Heading } from "../sections.js";
import { titleFromPath } from "../strings.js";

const TITLE_LINE = /^=[ \t]*(?<title>[^=\s](?:.*[^=\s])?)[ \t]*=[ \t]*$/d;
const HEADING_LINE = /^(?<marks>={2,6})[ \t]*(?<title>[^=\s](?:.*[^=\s])?)[ \t]*\k<marks>[ \t]*$/d;
const INFOBOX_LINE = /^Infobox\b.*$/;
const FIELD_LINE = /^-[ \t]*(?<key>[^:\s][^:]*?)[ \t]*:[ \t]*(?<value>.*?)[ \t]*$/d;
const ANY_HEADING = /^={2,6}[ \t]*[^=\s].*=[ \t\r]*$/m;
const VALUE_SEPARATOR = " | ";
const SAMPLE_CHARS = 200_000;

/**
 * The flattened encyclopedia format: a `= Title =` line, an `Infobox` line followed by
 * `- Key: Value` lines (several values separated by " | "), `== Section ==` headings, prose.
 * The text keeps every line, with the `=` markup removed from the title and headings.
 */
export const encyclopediaReader: Reader = {
  format: "encyclopedia",

  detect(source: DecodedSource): number {
    const lines = [...firstLines(source.text, 60)];
    const nonEmpty = lines.filter((line) => line.text.trim().length > 0);
    let score = 0;
    if (nonEmpty[0] && TITLE_LINE.test(nonEmpty[0].text)) score += 0.5;
    const infobox = nonEmpty.findIndex((line) => INFOBOX_LINE.test(line.text));
    if (infobox >= 0 && FIELD_LINE.test(nonEmpty[infobox + 1]?.text ?? "")) score += 0.35;
    if (ANY_HEADING.test(source.text.slice(0, SAMPLE_CHARS))) score += 0.15;
    return Math.min(score, 0.95);
  },

  read(source: DecodedSource): ParsedDocument[] {
    const builder = new MappedTextBuilder(source.text);
    const headings: Heading[] = [];
    const infobox: InfoboxField[] = [];
    let title: string | undefined;
    let inInfobox = false;
    let seenContent = false;
    for (const line of linesOf(source.text)) {
      const isFirstContent: boolean = !seenContent && line.text.trim().length > 0;
      seenContent ||= isFirstContent;
      const titleMatch = isFirstContent ? TITLE_LINE.exec(line.text) : null;
      const headingMatch = titleMatch ? null : HEADING_LINE.exec(line.text);
      const fieldMatch: RegExpExecArray | null = inInfobox ? FIELD_LINE.exec(line.text) : null;
      if (titleMatch) {
        title = titleMatch.groups!.title!;
        copyGroup(builder, line, titleMatch.indices!.groups!.title!);
      } else if (headingMatch) {
        const start = builder.textLength;
        copyGroup(builder, line, headingMatch.indices!.groups!.title!);
        headings.push({ title: headingMatch.groups!.title!, level: headingMatch.groups!.marks!.length, start });
      } else if (fieldMatch) {
        infobox.push(fieldOf(fieldMatch, builder.textLength));
        builder.copy(line.start, line.end);
      } else {
        builder.copy(line.start, line.end);
      }
      inInfobox = INFOBOX_LINE.test(line.text) || (inInfobox && fieldMatch !== null);
      builder.copy(line.end, line.next);
    }
    const { text, map } = builder.build();
    return [
      {
        title: title ?? titleFromPath(source.path),
        format: "encyclopedia",
        kind: "encyclopedia",
        metadata: {},
        sections: sectionsFromHeadings(headings, text),
        infobox,
        markup: [],
        text,
        map,
      },
    ];
  },
};

function* firstLines(text: string, count: number): Generator<Line> {
  let n = 0;
  for (const line of linesOf(text)) {
    if (n++ >= count) return;
    yield line;
  }
}

function copyGroup(builder: MappedTextBuilder, line: Line, [start, end]: [number, number]): void {
  builder.copy(line.start + start, line.start + end);
}

/** `lineStart` is where the (verbatim) line starts in the document text. */
function fieldOf(match: RegExpExecArray, lineStart: number): InfoboxField {
  const [keyStart] = match.indices!.groups!.key!;
  const [valueStart, valueEnd] = match.indices!.groups!.value!;
  const line = match.input;
  const values: InfoboxValue[] = [];
  let from = valueStart;
  while (from <= valueEnd && valueEnd > valueStart) {
    const separator = line.indexOf(VALUE_SEPARATOR, from);
    const to = separator >= 0 && separator < valueEnd ? separator : valueEnd;
    const raw = line.slice(from, to);
    const leading = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (value.length > 0) {
      const start = lineStart + from + leading;
      values.push({ text: value, start, end: start + value.length });
    }
    from = to + VALUE_SEPARATOR.length;
  }
  return {
    key: match.groups!.key!,
    values,
    start: lineStart + keyStart,
    end: lineStart + Math.max(valueEnd, match.indices!.groups!.key![1]),
  };
}

import type { Section } from "../core/document.js";
import { trimSpan } from "./text-assembler.js";

export interface Heading {
  title: string;
  level: number;
  /** Offset of the heading in the document text. */
  start: number;
}

/** Sections from headings in text order: each runs to the next heading of the same or a higher level. */
export function sectionsFromHeadings(headings: readonly Heading[], text: string): Section[] {
  const ends = headings.map(() => text.length);
  const open: number[] = [];
  headings.forEach((heading, i) => {
    while (open.length > 0 && headings[open[open.length - 1]!]!.level >= heading.level)
      ends[open.pop()!] = heading.start;
    open.push(i);
  });
  return headings.map((heading, i) => {
    const span = trimSpan(text, { start: heading.start, end: ends[i]! });
    return { title: heading.title, level: heading.level, ...span };
  });
}

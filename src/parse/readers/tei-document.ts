import type { DocumentMetadata, MarkupAnnotation, MarkupType } from "../../core/document.js";
import { normalizePlainDate } from "../dates.js";
import { appendMarkupText, type MarkupEvent } from "../markup-events.js";
import type { ParsedDocument } from "../reader.js";
import { sectionsFromHeadings, type Heading } from "../sections.js";
import { collapseWhitespace } from "../strings.js";
import { TextAssembler, trimSpan } from "../text-assembler.js";

type TextEvent = Extract<MarkupEvent, { type: "text" }>;

/** The text to lay out, in order; footnotes are laid out after the body. */
type Op =
  | { kind: "text"; event: TextEvent }
  | { kind: "block"; at: number }
  | { kind: "space"; at: number }
  | { kind: "open"; id: number }
  | { kind: "close"; id: number };

type Mark = { type: MarkupType; value?: string; ref?: string } | { type: "heading"; level: number; title: string };

interface Capture {
  text: string;
  noteDepth: number;
}

interface Frame {
  name: string;
  block: boolean;
  markId?: number;
  capture?: Capture;
  onCaptured?: (text: string) => void;
}

const BLOCK_ELEMENTS = new Set(
  (
    "p head dateline item list closer signed salute opener postscript label lg l ab byline docDate docTitle " +
    "titlePart table row div argument epigraph sp speaker trailer bibl listBibl caption figDesc"
  ).split(" "),
);
const SKIPPED_ELEMENTS = new Set(["teiHeader", "fw", "facsimile", "standOff"]);
const MARKUP_TYPES: Record<string, MarkupType> = {
  persName: "person",
  placeName: "place",
  geogName: "place",
  orgName: "organization",
  date: "date",
};
const NAME_TYPES: Record<string, MarkupType> = { person: "person", place: "place", org: "organization" };
const NOTES_TITLE = "Notes";

/** One TEI document (a `div type="document"`, or a whole file's `text`), built from parser events. */
export class TeiDocument {
  private readonly body: Op[] = [];
  private readonly notes: Op[] = [];
  private readonly marks: Mark[] = [];
  private readonly frames: Frame[] = [];
  private readonly captures: Capture[] = [];
  private noteDepth = 0;
  private skipDepth = 0;
  private datelineDepth = 0;
  private title: string | undefined;
  private readonly metadata: DocumentMetadata = {};

  constructor(
    private readonly source: string,
    readonly part: string | undefined,
  ) {}

  private get ops(): Op[] {
    return this.noteDepth > 0 ? this.notes : this.body;
  }

  /** An element inside the document; `depth` 1 is a child of the document element. */
  open(name: string, attributes: Record<string, string>, start: number, depth: number): void {
    const frame: Frame = { name, block: BLOCK_ELEMENTS.has(name) };
    this.frames.push(frame);
    if (this.skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
      this.skipDepth++;
      return;
    }
    if (name === "note") this.noteDepth++;
    if (name === "note" || frame.block) this.ops.push({ kind: "block", at: start });
    if (name === "lb" || name === "cell") this.ops.push({ kind: "space", at: start });
    if (name === "dateline") this.datelineDepth++;
    if (name === "head" && depth === 1 && this.title === undefined) {
      this.capture(frame, (text) => (this.title ??= text));
    } else if (name === "head" || (name === "p" && (attributes.rend ?? "").startsWith("sectiontitle"))) {
      const heading: Mark = { type: "heading", level: Math.max(1, name === "head" ? depth - 1 : depth), title: "" };
      frame.markId = this.mark(heading);
      this.capture(frame, (text) => (heading.title = text));
    }
    const type =
      MARKUP_TYPES[name] ?? (name === "name" || name === "rs" ? NAME_TYPES[attributes.type ?? ""] : undefined);
    if (type) this.openMarkup(frame, type, attributes);
  }

  private openMarkup(frame: Frame, type: MarkupType, attributes: Record<string, string>): void {
    const ref = (attributes.corresp ?? attributes.ref ?? attributes.key ?? "")
      .trim()
      .split(/\s+/)[0]!
      .replace(/^#/, "");
    const value = type === "date" ? (attributes.when ?? attributes.from ?? attributes.notBefore) : undefined;
    frame.markId = this.mark({ type, ...(ref ? { ref } : {}), ...(value ? { value } : {}) });
    if (this.datelineDepth === 0 || this.noteDepth > 0) return;
    if (type === "date" && value && !this.metadata.date) {
      const date = normalizePlainDate(value.slice(0, 10)) ?? normalizePlainDate(value.slice(0, 7));
      if (date) {
        this.metadata.date = date;
        this.metadata.dateSource = "markup";
      }
    }
    if (type === "place" && !frame.capture) this.capture(frame, (text) => (this.metadata.place ??= text));
  }

  close(end: number): void {
    const frame = this.frames.pop();
    if (!frame) return;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (frame.markId !== undefined) this.ops.push({ kind: "close", id: frame.markId });
    if (frame.capture) {
      this.captures.splice(this.captures.lastIndexOf(frame.capture), 1);
      frame.onCaptured?.(collapseWhitespace(frame.capture.text));
    }
    if (frame.name === "note" || frame.block) this.ops.push({ kind: "block", at: end });
    if (frame.name === "note") this.noteDepth--;
    if (frame.name === "dateline") this.datelineDepth--;
  }

  text(event: TextEvent): void {
    if (this.skipDepth > 0) return;
    this.ops.push({ kind: "text", event });
    for (const capture of this.captures) if (capture.noteDepth === this.noteDepth) capture.text += event.data;
  }

  private mark(mark: Mark): number {
    this.marks.push(mark);
    this.ops.push({ kind: "open", id: this.marks.length - 1 });
    return this.marks.length - 1;
  }

  private capture(frame: Frame, onCaptured: (text: string) => void): void {
    frame.capture = { text: "", noteDepth: this.noteDepth };
    frame.onCaptured = onCaptured;
    this.captures.push(frame.capture);
  }

  /** The document; footnotes follow the body after a "Notes" heading. `end` is where it ends in the source. */
  build(end: number, fallbackTitle: string): ParsedDocument {
    const out = new TextAssembler(this.source);
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    const replay = (ops: readonly Op[]): void => {
      for (const op of ops) {
        if (op.kind === "text") appendMarkupText(out, this.source, op.event);
        else if (op.kind === "block") out.blockBreak(op.at);
        else if (op.kind === "space") out.space(op.at);
        else (op.kind === "open" ? starts : ends).set(op.id, out.length);
      }
    };
    replay(this.body);
    const headings: Heading[] = [];
    if (this.notes.some((op) => op.kind === "text" && op.event.data.trim().length > 0)) {
      out.blockBreak(end);
      headings.push({ title: NOTES_TITLE, level: 1, start: out.length });
      out.insert(NOTES_TITLE, end);
      out.blockBreak(end);
      replay(this.notes);
    }
    const { text, map } = out.build();
    const markup: MarkupAnnotation[] = [];
    this.marks.forEach((mark, id) => {
      const span = trimSpan(text, { start: starts.get(id) ?? 0, end: ends.get(id) ?? starts.get(id) ?? 0 });
      if (mark.type === "heading") {
        if (mark.title) headings.push({ title: mark.title, level: mark.level, start: span.start });
      } else if (span.end > span.start) {
        markup.push({ ...mark, ...span, text: text.slice(span.start, span.end) });
      }
    });
    headings.sort((a, b) => a.start - b.start);
    return {
      ...(this.part !== undefined ? { part: this.part } : {}),
      title: this.title || fallbackTitle,
      format: "tei",
      kind: "primary",
      metadata: this.metadata,
      sections: sectionsFromHeadings(headings, text),
      infobox: [],
      markup: markup.sort((a, b) => a.start - b.start || b.end - a.end),
      text,
      map,
    };
  }
}

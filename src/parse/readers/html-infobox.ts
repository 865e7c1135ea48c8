import type { InfoboxField, Span } from "../../core/document.js";
import { collapseWhitespace } from "../strings.js";
import { trimSpan, type TextAssembler } from "../text-assembler.js";
import { classesOf } from "./html-page.js";

interface Cell {
  values: Span[];
  /** Where the value being read starts, while inside one. */
  valueStart?: number | undefined;
}

interface Row {
  key?: { text: string; start: number; isTitle: boolean };
  cells: Cell[];
  current?: Cell | undefined;
}

/**
 * Reads a `table.infobox` as the layout passes through it. A row with a `th` and a `td` is one
 * field; a header row (`th` alone, as "Commanders and leaders") names the `td`-only row after it,
 * one field per column ("Commanders and leaders1", "…2"), as the flattened encyclopedia format does.
 * Values are split at `br` and list items.
 */
export class InfoboxCollector {
  private readonly fields: InfoboxField[] = [];
  private readonly tables: boolean[] = [];
  private depth = 0;
  private row: Row | undefined;
  private header: { text: string; start: number } | undefined;

  constructor(private readonly out: TextAssembler) {}

  /** The separator a block element gets here: list items inside a value only start a new line. */
  blockSeparator(): string | undefined {
    if (!this.row) return "\n\n";
    const cell = this.row.current;
    if (cell?.valueStart !== undefined && this.out.length <= cell.valueStart) return undefined;
    return "\n";
  }

  open(name: string, attributes: Record<string, string>, at: number): void {
    if (name === "table") {
      const isInfobox = classesOf(attributes).includes("infobox");
      this.tables.push(isInfobox);
      if (isInfobox) this.depth++;
    }
    if (this.depth === 0) return;
    const { row, out } = this;
    if (name === "tr") this.row = { cells: [] };
    else if (name === "th" && row && !row.key && row.cells.length === 0) {
      const isTitle = classesOf(attributes).some((name) => name === "infobox-above" || name === "infobox-title");
      row.key = { text: "", start: out.length, isTitle };
    } else if (name === "td" && row) {
      if (row.key && row.cells.length === 0) {
        out.attach(":", at);
        out.space(at);
      } else if (row.cells.length > 0) {
        out.blockBreak(at, "\n");
      }
      row.current = { values: [], valueStart: out.length };
      row.cells.push(row.current);
    } else if ((name === "br" || name === "li") && row?.current?.valueStart !== undefined) {
      this.endValue();
      row.current.valueStart = out.length;
    }
  }

  close(name: string): void {
    if (name === "table" && this.tables.pop()) this.depth--;
    if (!this.row) return;
    if (name === "td") {
      this.endValue();
      this.row.current = undefined;
    } else if (name === "tr") {
      this.finishRow(this.row);
      this.row = undefined;
    }
  }

  text(data: string): void {
    const key = this.row?.key;
    if (key && this.row!.cells.length === 0) key.text += data;
  }

  /** The fields, their spans trimmed against the finished text. */
  finish(text: string): InfoboxField[] {
    return this.fields.map((field) => {
      const values = field.values
        .map((value) => trimSpan(text, value))
        .filter((span) => span.end > span.start)
        .map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
      const span = trimSpan(text, { start: field.start, end: values[values.length - 1]?.end ?? field.end });
      return { key: field.key, values, ...span };
    });
  }

  private endValue(): void {
    const cell = this.row?.current;
    if (cell?.valueStart === undefined) return;
    cell.values.push({ start: cell.valueStart, end: this.out.length });
    cell.valueStart = undefined;
  }

  private finishRow(row: Row): void {
    const key = collapseWhitespace(row.key?.text ?? "");
    if (row.key && key && row.cells.length > 0) {
      this.addField(
        key,
        row.key.start,
        row.cells.flatMap((cell) => cell.values),
      );
    } else if (row.key && key) {
      this.header = row.key.isTitle ? undefined : { text: key, start: row.key.start };
    } else if (this.header && row.cells.length > 0) {
      const { text, start } = this.header;
      row.cells.forEach((cell, i) =>
        this.addField(row.cells.length > 1 ? `${text}${i + 1}` : text, start, cell.values),
      );
    }
  }

  private addField(key: string, start: number, values: Span[]): void {
    if (values.length === 0) return;
    const end = values[values.length - 1]!.end;
    this.fields.push({ key, start, end, values: values.map((value) => ({ ...value, text: "" })) });
  }
}

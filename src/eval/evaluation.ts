/** One part of docs/quality.md. */
export interface Section {
  title: string;
  /** The section's body in Markdown, without its heading. */
  render(): string;
}

/** A quality measurement that `npm run eval` runs (NER today; entity resolution, dates, seeds later). */
export interface Evaluation {
  name: string;
  run(): Promise<Section>;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const fixed = (value: number, digits = 3): string => value.toFixed(digits);

/**
 * Document dates on the FRUS excerpt: `documentReferenceDate` on the text alone (no metadata) against
 * the dateline's date@when, beside chrono-node's first date in the text.
 */
import * as chrono from "chrono-node";
import { documentReferenceDate, extractDates } from "../annotate/dates/index.js";
import { headerDate } from "../annotate/dates/reference-date.js";
import type { SourceDocument } from "../core/document.js";
import type { Evaluation, Section } from "./evaluation.js";
import { fixed, markdownTable } from "./evaluation.js";
import { loadFrusDocuments, shortId } from "./frus-corpus.js";

export interface DatePrediction {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value?: string;
  /** Where it came from ("header line", "most frequent year", the chrono match). */
  evidence: string;
}

export interface DatedDocument {
  id: string;
  gold: string;
  /** The line of the text holding the dateline date. */
  dateline: string;
  predictions: DatePrediction[];
}

export function ourDocumentDate(text: string): DatePrediction {
  const value = documentReferenceDate(text);
  if (value === undefined) return { evidence: "none" };
  const fromHeader = headerDate(text, (line) => extractDates(line)) !== undefined;
  return { value, evidence: fromHeader ? "header line" : "most frequent year" };
}

export function chronoDocumentDate(text: string): DatePrediction {
  const first = chrono.parse(text)[0];
  if (!first) return { evidence: "none" };
  const [year, month, day] = (["year", "month", "day"] as const).map((unit) => first.start.get(unit) ?? 0);
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { value, evidence: `“${first.text}”` };
}

function datelineOf(document: SourceDocument): string {
  const date = document.markup.find((m) => m.type === "date" && m.value?.startsWith(document.metadata.date ?? "-"));
  if (!date) return "";
  const from = document.text.lastIndexOf("\n", date.start) + 1;
  const to = document.text.indexOf("\n", date.end);
  return document.text.slice(from, to < 0 ? undefined : to).trim();
}

export type Agreement = "day" | "month" | "year";

/** Whether a prediction agrees with the gold day at a precision; a coarser prediction never agrees finer. */
export function agrees(gold: string, predicted: string | undefined, precision: Agreement): boolean {
  const length = { day: 10, month: 7, year: 4 }[precision];
  return predicted !== undefined && predicted.length >= length && predicted.slice(0, length) === gold.slice(0, length);
}

const SYSTEMS = ["annals documentReferenceDate", "chrono-node parseDate (first date in the text)"];

function render(dated: DatedDocument[], undated: string[]): string {
  const share = (system: number, precision: Agreement) =>
    dated.filter((d) => agrees(d.gold, d.predictions[system]?.value, precision)).length / Math.max(1, dated.length);
  const table = markdownTable(
    ["system", "day (accuracy)", "month", "year"],
    SYSTEMS.map((name, i) => [
      name,
      `**${fixed(share(i, "day"))}**`,
      fixed(share(i, "month")),
      fixed(share(i, "year")),
    ]),
  );
  const misses = SYSTEMS.map((name, i) => {
    const lines = dated
      .filter((d) => !agrees(d.gold, d.predictions[i]?.value, "day"))
      .map((d) => {
        const p = d.predictions[i]!;
        return `- ${d.id}: gold ${d.gold}, predicted ${p.value ?? "nothing"} from ${p.evidence}; dateline “${d.dateline}”`;
      });
    return `Misses of ${name} (${lines.length}):\n\n${lines.join("\n") || "none"}`;
  });
  return [
    `The ${dated.length} documents of the FRUS excerpt with a dateline date (gold: its date@when, read by the TEI ` +
      `reader into metadata.date); ${undated.length} editorial notes have none and are not scored ` +
      `(${undated.join(", ")}). annals: \`documentReferenceDate(text)\` without the metadata date (a date-only line ` +
      "near the top, else the most frequent year). chrono-node: `chrono.parse(text)[0]`, the date `chrono.parseDate` " +
      "returns, on the whole text. compromise is not scored: its dates() needs the compromise-dates plugin, which " +
      "is not installed. Accuracy: share of documents whose predicted day is the gold day; month and year: the " +
      "prediction has at least that precision and agrees to it. Target: ≥ 0.95.",
    table,
    ...misses,
    weaknesses(dated, share(0, "day")),
  ].join("\n\n");
}

function weaknesses(dated: readonly DatedDocument[], accuracy: number): string {
  const fellBack = dated.filter(
    (d) => !agrees(d.gold, d.predictions[0]?.value, "day") && d.predictions[0]?.evidence === "most frequent year",
  ).length;
  return (
    "### What is weak\n\n" +
    `The target of 0.95 is ${accuracy >= 0.95 ? "met" : "not met"} (${fixed(accuracy, 2)}); ${fellBack} ` +
    "document(s) fell back to the most frequent year. `headerDate` reads a dateline near the top: a date alone, " +
    "or after a short place and before a time (“Washington, July 14, 1958, 8:30 p.m.”). A dateline further down, " +
    "or one in another layout (“14 JUL 58”, OCR noise), still falls back to the most frequent year. chrono's " +
    "first date is right here only because every FRUS document opens with its dateline; it has no notion of a " +
    "document date. The set is small (19 dated documents of one volume)."
  );
}

export function datedDocuments(documents: readonly SourceDocument[]): { dated: DatedDocument[]; undated: string[] } {
  const dated: DatedDocument[] = [];
  const undated: string[] = [];
  for (const document of documents) {
    const gold = document.metadata.date;
    if (gold === undefined) {
      undated.push(shortId(document));
      continue;
    }
    const predictions = [ourDocumentDate(document.text), chronoDocumentDate(document.text)];
    dated.push({ id: shortId(document), gold, dateline: datelineOf(document), predictions });
  }
  return { dated, undated };
}

export function frusDatesEvaluation(): Evaluation {
  return {
    name: "FRUS document dates",
    async run(): Promise<Section> {
      const { dated, undated } = datedDocuments(loadFrusDocuments());
      return { title: "Document dates on FRUS", render: () => render(dated, undated) };
    },
  };
}

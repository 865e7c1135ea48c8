/**
 * Document dates read from plain text, without metadata: FRUS documents as the TEI reader's text and as the
 * .jsonl's whitespace-collapsed text (gold: the dateline's date@when), the CIA briefs in OCR (gold read by
 * hand, data/eval/cia/dates.json) and the seeds (gold: 002's date, the encyclopedia articles none). Beside
 * annals: chrono-node's first date in the text.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as chrono from "chrono-node";
import { datedDocument } from "../annotate/dates/index.js";
import { packageRoot } from "../annotate/mentions/model/package-root.js";
import type { SourceDocument } from "../core/document.js";
import { decode } from "../decode/index.js";
import { parse } from "../parse/index.js";
import type { Evaluation, Section } from "./evaluation.js";
import { fixed, markdownTable } from "./evaluation.js";
import { loadFrusDocuments, shortId } from "./frus-corpus.js";
import { SEEDS_DIRECTORY } from "./seeds.js";

export const FRUS_JSONL = "data/eval/frus/frus1958-60v12_d109-d131_documents.jsonl";
export const CIA_DIRECTORY = "data/eval/cia";

export interface DatePrediction {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value?: string;
  /** Where it came from: the extractor ("dateline", "form", …) or the chrono match. */
  evidence: string;
}

export interface GoldDocument {
  set: string;
  id: string;
  /** The document's date (YYYY-MM-DD), or undefined when it has none of its own. */
  gold?: string;
  /** The document as annals reads it, with its metadata date taken away. */
  document: SourceDocument;
}

function withoutDate(document: SourceDocument): SourceDocument {
  const metadata = { ...document.metadata };
  delete metadata.date;
  delete metadata.dateSource;
  return { ...document, metadata };
}

export function ourDocumentDate(document: SourceDocument): DatePrediction {
  const dated = datedDocument(withoutDate(document));
  const value = dated.metadata.date;
  return value === undefined ? { evidence: "none" } : { value, evidence: dated.metadata.dateSource ?? "none" };
}

export function chronoDocumentDate(text: string): DatePrediction {
  const first = chrono.parse(text)[0];
  if (!first) return { evidence: "none" };
  const [year, month, day] = (["year", "month", "day"] as const).map((unit) => first.start.get(unit) ?? 0);
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { value, evidence: `“${first.text}”` };
}

export type Agreement = "day" | "month" | "year";

/** Whether a prediction agrees with the gold day at a precision; a coarser prediction never agrees finer. */
export function agrees(gold: string, predicted: string | undefined, precision: Agreement): boolean {
  const length = { day: 10, month: 7, year: 4 }[precision];
  return predicted !== undefined && predicted.length >= length && predicted.slice(0, length) === gold.slice(0, length);
}

/** Right: the gold day, or no date for a document that has none of its own. */
export function isRight(gold: string | undefined, predicted: DatePrediction): boolean {
  return gold === undefined ? predicted.value === undefined : agrees(gold, predicted.value, "day");
}

function parsed(path: string, bytes: Uint8Array): SourceDocument {
  return parse(decode(bytes, path))[0]!;
}

function frusTei(root: string): GoldDocument[] {
  return loadFrusDocuments(root).map((document) => ({
    set: "FRUS, TEI reader's text",
    id: shortId(document),
    ...(document.metadata.date === undefined ? {} : { gold: document.metadata.date.slice(0, 10) }),
    document,
  }));
}

interface FrusJsonRecord {
  id: string;
  date_when: string | null;
  text: string;
}

function frusJsonl(root: string): GoldDocument[] {
  const lines = readFileSync(join(root, FRUS_JSONL), "utf8").split("\n");
  return lines
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const record = JSON.parse(line) as FrusJsonRecord;
      const document = parsed(`${record.id}.txt`, new TextEncoder().encode(record.text));
      return {
        set: "FRUS, .jsonl text on one line",
        id: record.id,
        ...(record.date_when === null ? {} : { gold: record.date_when.slice(0, 10) }),
        document,
      };
    });
}

function ciaBriefs(root: string): GoldDocument[] {
  const directory = join(root, CIA_DIRECTORY);
  const gold = JSON.parse(readFileSync(join(directory, "dates.json"), "utf8")) as Record<string, string>;
  return Object.entries(gold).map(([file, date]) => ({
    set: "CIA briefs, OCR",
    id: file,
    gold: date,
    document: parsed(file, readFileSync(join(directory, file))),
  }));
}

/** Seed 002 is an archival report of 18 December 1958; the others are encyclopedia articles and their copy. */
const SEED_DATES: Record<string, string> = { "002": "1958-12-18" };

function seeds(root: string): GoldDocument[] {
  const directory = join(root, SEEDS_DIRECTORY);
  return readdirSync(directory)
    .filter((file) => /^\d{3}_.*\.txt$/.test(file))
    .sort()
    .map((file) => {
      const id = file.slice(0, 3);
      const date = SEED_DATES[id];
      return {
        set: "seeds",
        id,
        ...(date === undefined ? {} : { gold: date }),
        document: parsed(file, readFileSync(join(directory, file))),
      };
    });
}

export function goldDocuments(root = packageRoot()): GoldDocument[] {
  return [...frusTei(root), ...frusJsonl(root), ...ciaBriefs(root), ...seeds(root)];
}

interface Scored extends GoldDocument {
  ours: DatePrediction;
  chrono: DatePrediction;
}

function render(scored: readonly Scored[]): string {
  const sets = [...new Set(scored.map((s) => s.set))];
  const share = (items: readonly Scored[], pick: (s: Scored) => DatePrediction): string =>
    `${fixed(items.filter((s) => isRight(s.gold, pick(s))).length / Math.max(1, items.length))}`;
  const rows = [...sets.map((set) => scored.filter((s) => s.set === set)), scored].map((items, i) => {
    const dated = items.filter((s) => s.gold !== undefined);
    return [
      sets[i] ?? "**all**",
      `${items.length} (${dated.length} dated)`,
      `**${share(items, (s) => s.ours)}**`,
      share(dated, (s) => s.ours),
      share(dated, (s) => s.chrono),
    ];
  });
  const table = markdownTable(
    ["set", "documents", "annals: right", "annals: dated documents, right day", "chrono-node first date: right day"],
    rows,
  );
  const sources = new Map<string, number>();
  for (const s of scored) sources.set(s.ours.evidence, (sources.get(s.ours.evidence) ?? 0) + 1);
  const misses = scored
    .filter((s) => !isRight(s.gold, s.ours))
    .map(
      (s) =>
        `- ${s.set} ${s.id}: gold ${s.gold ?? "none"}, predicted ${s.ours.value ?? "nothing"} (${s.ours.evidence})`,
    );
  const overall = scored.filter((s) => isRight(s.gold, s.ours)).length / Math.max(1, scored.length);
  return [
    "Each document is read with its metadata date taken away, through `datedDocument` (the ordered extractors of " +
      "`src/annotate/dates/document-date/`: dateline, form field, a line that is only a date, file name). Right: the " +
      "gold day, or no date for a document without one of its own (FRUS editorial notes, encyclopedia articles). " +
      "Gold: FRUS dateline `date@when`; CIA briefs read by hand (`data/eval/cia/dates.json`); seed 002's date. " +
      "chrono-node: `chrono.parse(text)[0]` on the whole text, scored on dated documents only. Target: ≥ 0.95.",
    table,
    `Where the dates came from: ${[...sources].map(([source, n]) => `${source} ${n}`).join(", ")}.`,
    `Misses (${misses.length}):\n\n${misses.join("\n") || "none"}`,
    "### What is weak\n\n" +
      `The target of 0.95 is ${overall >= 0.95 ? "met" : "not met"} (${fixed(overall, 2)}). A dateline must ` +
      "start a line or a sentence and hold a four-digit year (“14 JUL 58” is not read); a form field must be " +
      "labelled “Date:” at the start of its line; an OCR'd form whose values stand apart from their labels is " +
      "dated by its first date-only line. All FRUS documents come from one volume and one editorial style.",
  ].join("\n\n");
}

export function scoreDocumentDates(documents: readonly GoldDocument[]): Scored[] {
  return documents.map((d) => ({
    ...d,
    ours: ourDocumentDate(d.document),
    chrono: chronoDocumentDate(d.document.text),
  }));
}

export function frusDatesEvaluation(): Evaluation {
  return {
    name: "document dates on plain text",
    async run(): Promise<Section> {
      const scored = scoreDocumentDates(goldDocuments());
      return { title: "Document dates on plain text", render: () => render(scored) };
    },
  };
}

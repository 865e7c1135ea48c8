/**
 * Speed of extractMentions on the wikipedia-syria corpus (../shared/corpora, when present):
 * CPU time of extraction alone, the caller's segmentation excluded, as ingest runs it.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import nlp from "compromise";
import { extractDates } from "../annotate/dates/index.js";
import { extractMentions } from "../annotate/mentions/index.js";
import type { ExtractOptions } from "../annotate/mentions/index.js";
import type { SourceDocument } from "../core/document.js";
import { decode } from "../decode/index.js";
import { parse } from "../parse/index.js";
import { segmentParagraphs } from "../segment/index.js";

export const SPEED_CORPUS = join("..", "shared", "corpora", "wikipedia-syria", "syria");

export interface SpeedResult {
  label: string;
  megabytes: number;
  seconds: number;
}

const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

function corpusFiles(root: string): string[] {
  const directory = join(root, SPEED_CORPUS);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => join(directory, file));
}

function measure(label: string, files: readonly string[], extract: (path: string) => number): SpeedResult {
  let seconds = 0;
  let bytes = 0;
  for (const path of files) bytes += extract(path);
  for (const path of files) {
    const before = cpuSeconds();
    extract(path);
    seconds += cpuSeconds() - before;
  }
  return { label, megabytes: bytes / 1e6, seconds };
}

/** Extraction speeds, or [] without the corpus. Each document is read, parsed and segmented untimed. */
export function mentionSpeeds(root: string): SpeedResult[] {
  const files = corpusFiles(root);
  if (files.length === 0) return [];
  const prepared = new Map(
    files.map((path) => {
      const [document] = parse(decode(readFileSync(path), path));
      return [path, document!] as const;
    }),
  );
  const timedOnce = (options: (document: SourceDocument) => ExtractOptions) => {
    let seconds = 0;
    let bytes = 0;
    for (const document of prepared.values()) {
      const paragraphs = [...segmentParagraphs(document.text)];
      const before = cpuSeconds();
      extractMentions(document, paragraphs, options(document));
      seconds += cpuSeconds() - before;
      bytes += Buffer.byteLength(document.text);
    }
    return { megabytes: bytes / 1e6, seconds };
  };
  // The faster of two passes, after a warm-up one: the machine is shared.
  const timed = (options: (document: SourceDocument) => ExtractOptions) => {
    const [a, b] = [timedOnce(options), timedOnce(options)];
    return a.seconds < b.seconds ? a : b;
  };
  timedOnce(() => ({ namesOnly: true }));
  const dates = new Map([...prepared.values()].map((document) => [document, extractDates(document.text)]));
  const results: SpeedResult[] = [
    { label: "extractMentions, names only (no dates, no quantities)", ...timed(() => ({ namesOnly: true })) },
    {
      label: "extractMentions, everything, dates passed in as ingest has them",
      ...timed((document) => ({ dates: dates.get(document) ?? [] })),
    },
    { label: "extractMentions, everything, extractDates run inside", ...timed(() => ({})) },
    { label: "extractMentions without the model, names only", ...timed(() => ({ namesOnly: true, model: false })) },
  ];
  const sample = files.slice(0, 15);
  results.push(
    measure("compromise people/places/organizations (first 15 documents)", sample, (path) => {
      const document = prepared.get(path)!;
      const doc = (
        nlp as unknown as (text: string) => { people(): unknown; places(): unknown; organizations(): unknown }
      )(document.text);
      doc.people();
      doc.places();
      doc.organizations();
      return Buffer.byteLength(document.text);
    }),
  );
  return results;
}

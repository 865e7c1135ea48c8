import { readFileSync } from "node:fs";
import { Annals, annotate } from "../../annals.js";
import { UsageError } from "../../core/errors.js";
import type { DocumentKind } from "../../core/document.js";
import { bold, dim, printJson, printLine, terminalSnippet } from "./output.js";
import { progressBar } from "./progress.js";
import { searchHitView } from "../../views/search.js";
import { redacted } from "../../store/postgres/postgres-store.js";

export interface GlobalOptions {
  db: string;
  json?: boolean;
}

/** Process exit code: 0 success, 1 some input failed. */
export type ExitCode = 0 | 1;

export async function addCommand(paths: string[], options: GlobalOptions & { workers?: string }): Promise<ExitCode> {
  const annals = Annals.open(options.db);
  try {
    const bar = progressBar();
    const workers = options.workers === undefined ? undefined : parseNonNegative(options.workers, "--workers");
    const report = await annals.add(paths, { onProgress: bar.update, ...(workers === undefined ? {} : { workers }) });
    bar.done();
    if (options.json) printJson(report);
    else {
      printLine(
        `${bold("added")} ${report.added}  ${bold("updated")} ${report.updated}  ${bold("unchanged")} ${report.unchanged}  ${bold("failed")} ${report.failed.length}`,
      );
      printLine(
        `${report.documents} documents in ${redacted(options.db)}; this run stored ${report.passages} passages and ${report.dates} dates`,
      );
      for (const failure of report.failed) printLine(`  failed: ${failure.path}: ${failure.error}`);
      for (const warning of report.warnings) printLine(`  warning: ${warning.path}: ${warning.warning}`);
    }
    return report.failed.length > 0 || report.warnings.length > 0 ? 1 : 0;
  } finally {
    annals.close();
  }
}

export function documentsCommand(options: GlobalOptions): ExitCode {
  const annals = Annals.open(options.db);
  try {
    const documents = annals.documents();
    if (options.json) printJson(documents);
    else {
      for (const d of documents) {
        const date = d.date ? `, ${d.date}${d.dateSource ? ` (${d.dateSource})` : ""}` : "";
        printLine(`${bold(d.title)} ${dim(`[${d.kind}, ${d.format}${date}]`)}`);
        printLine(`  ${d.path}  ${dim(d.id.slice(0, 16))}`);
        if (d.derivedFrom) printLine(`  derived from ${d.derivedFrom.path} (similarity ${d.derivedFrom.similarity})`);
        for (const near of d.nearDuplicates ?? [])
          printLine(`  near-duplicate of ${near.path} (similarity ${near.similarity})`);
      }
    }
    return 0;
  } finally {
    annals.close();
  }
}

export interface SearchCliOptions extends GlobalOptions {
  limit?: string;
  offset?: string;
  document?: string[];
  kind?: string[];
  from?: string;
  to?: string;
}

const KINDS: readonly DocumentKind[] = ["encyclopedia", "primary", "derived", "dataset", "other"];

export function searchCommand(query: string, options: SearchCliOptions): ExitCode {
  const kinds = options.kind?.map((kind) => {
    if (!KINDS.includes(kind as DocumentKind))
      throw new UsageError(`--kind ${kind}: expected one of ${KINDS.join(", ")}`);
    return kind as DocumentKind;
  });
  for (const [flag, value] of [
    ["--from", options.from],
    ["--to", options.to],
  ] as const) {
    if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
      throw new UsageError(`${flag} ${value}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD`);
    }
  }
  const offset = options.offset === undefined ? 0 : parseNonNegative(options.offset, "--offset");
  const annals = Annals.open(options.db);
  try {
    const result = annals.search(query, {
      limit: options.limit === undefined ? 10 : parsePositive(options.limit, "--limit"),
      offset,
      ...(options.document ? { documentIds: options.document } : {}),
      ...(kinds ? { kinds } : {}),
      ...(options.from ? { dateFrom: options.from } : {}),
      ...(options.to ? { dateTo: options.to } : {}),
      countTotal: true,
    });
    const total = result.total ?? result.hits.length;
    if (options.json) {
      printJson({
        hits: result.hits.map(searchHitView),
        total,
        ...(result.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
      });
    } else if (result.hits.length === 0) printLine("no passage matches");
    else {
      const first = offset + 1;
      printLine(
        dim(
          `${result.totalIsLowerBound ? "≥ " : ""}${total.toLocaleString("en")} passage${total === 1 ? "" : "s"} match; ${first}–${first + result.hits.length - 1} shown`,
        ),
      );
      result.hits.forEach((hit, rank) => {
        printLine(
          `${rank + 1}. ${bold(hit.document.title)}${hit.section ? ` — ${hit.section}` : ""} ${dim(`(${hit.score.toFixed(2)})`)}`,
        );
        printLine(`   ${terminalSnippet(hit.snippet)}`);
        printLine(
          dim(
            `   ${hit.document.path}${hit.page === undefined ? "" : `, p. ${hit.page}`}, characters ${hit.start}–${hit.end}`,
          ),
        );
      });
    }
    return 0;
  } finally {
    annals.close();
  }
}

export async function annotateCommand(file: string | undefined, options: GlobalOptions): Promise<ExitCode> {
  const path = file ?? "-";
  const bytes = path === "-" ? readFileSync(0) : readFileSync(path);
  const result = await annotate(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    path === "-" ? "stdin" : path,
  );
  if (options.json)
    printJson({
      mentions: result.mentions.map(({ start, end, text, type }) => ({ start, end, text, type })),
      dates: result.dates.map(({ start, end, text, value }) => ({ start, end, text, value })),
    });
  else {
    for (const date of result.dates)
      printLine(
        `${date.start}–${date.end}  ${bold(date.text)}  → ${date.value} ${dim(`(${date.precision}, ${date.extractor})`)}`,
      );
    for (const mention of result.mentions)
      printLine(`${mention.start}–${mention.end}  ${bold(mention.text)}  ${mention.type}`);
  }
  return 0;
}

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} ${value}: expected a whole number of at least 1`);
  return n;
}

function parseNonNegative(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} ${value}: expected a whole number of at least 0`);
  return n;
}

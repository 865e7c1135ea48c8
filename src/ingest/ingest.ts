import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { discover, type FileFailure, type FoundFile } from "../read/discover.js";
import { findRelations } from "../resolve/derived-copies.js";
import { resolveCorpus, type CorpusOptions, type CorpusReport } from "./corpus-stage.js";
import type { Store } from "../store/store.js";
import type { TopMatchOptions } from "../search/top-matches.js";
import { FileProcessorPool } from "./pool.js";
import { boundHeapGrowth } from "./heap-growth.js";
import { fromPortable, type ProcessResult } from "./process-file.js";

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  failed: FileFailure[];
  /** Files stored with a problem the user should know about (invalid bytes replaced). */
  warnings: { path: string; warning: string }[];
  /** Documents in the knowledge base after the run. */
  documents: number;
  passages: number;
  dates: number;
  mentions: number;
  events: number;
  /** What the corpus stage found: entities, merged events, claims. */
  corpus?: CorpusReport;
}

export interface IngestProgress {
  filesDone: number;
  filesFound: number;
  bytesDone: number;
  discovering: boolean;
  /** The scan being OCR'd, while one is: pages done of its pages without a text layer. */
  ocr?: { path: string; pagesDone: number; pagesTotal: number };
}

export interface IngestOptions {
  /** Worker threads; 0 runs inline. Default: one per core, at most 4. */
  workers?: number;
  /** Default 256 MiB (see read/read-file.ts). */
  maxFileBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Entity, event and relation extraction and the corpus stage; default true. */
  extract?: boolean;
  /** Files never to ingest, such as the knowledge base's own database files. */
  ignore?: readonly string[];
  /** How the corpus stage after the files runs (incremental always; see CorpusOptions). */
  corpus?: Pick<CorpusOptions, "maxShare">;
  /** Size of the precomputed top matches rebuilt at the end (search/top-matches.ts). */
  topMatches?: TopMatchOptions;
}

/**
 * Adds files and folders to the knowledge base. Each file is replaced in one transaction, so a run
 * killed at any point leaves a consistent base and the next run picks up the files not yet stored.
 */
export async function ingest(
  store: Store,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  boundHeapGrowth();
  const workers = options.workers ?? Math.min(4, availableParallelism());
  const extract = options.extract ?? true;
  const pool = new FileProcessorPool(workers, {
    extract,
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
  });
  const report: IngestReport = {
    added: 0,
    updated: 0,
    unchanged: 0,
    failed: [],
    warnings: [],
    documents: 0,
    passages: 0,
    dates: 0,
    mentions: 0,
    events: 0,
  };
  const progress: IngestProgress = { filesDone: 0, filesFound: 0, bytesDone: 0, discovering: true };
  const inFlight = new Set<Promise<void>>();
  const seen = new Set<string>((options.ignore ?? []).map((path) => resolve(path)));
  // One file more per worker than they hold, so that one is ready for each worker as soon as it has room.
  const maxInFlight = pool.capacity + pool.concurrency;
  const tick = () => options.onProgress?.(progress);

  const settle = (file: FoundFile, result: ProcessResult) => {
    storeResult(store, file, result, report);
    if (progress.ocr?.path === file.path) delete progress.ocr;
    progress.filesDone++;
    progress.bytesDone += file.size;
    tick();
  };

  try {
    for await (const found of discover(paths)) {
      if ("failure" in found) {
        report.failed.push(found.failure);
        continue;
      }
      const file = found.file;
      if (seen.has(resolve(file.path))) continue;
      seen.add(resolve(file.path));
      progress.filesFound++;
      const stored = store.getFile(file.path);
      if (stored && stored.size === file.size && stored.mtimeMs === file.mtimeMs) {
        report.unchanged += stored.documentIds.length;
        progress.filesDone++;
        tick();
        continue;
      }
      const onPage = (pagesDone: number, pagesTotal: number) => {
        progress.ocr = { path: file.path, pagesDone, pagesTotal };
        tick();
      };
      const task = pool.process(file, onPage).then((result) => settle(file, result));
      const tracked = task.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    progress.discovering = false;
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  relateDocuments(store);
  store.rebuildTopMatches(options.topMatches);
  if (extract) report.corpus = resolveCorpus(store, { ...options.corpus, incremental: true });
  report.documents = store.countDocuments();
  tick();
  return report;
}

function storeResult(store: Store, file: FoundFile, result: ProcessResult, report: IngestReport): void {
  if (!result.ok) {
    report.failed.push({ path: result.path, error: result.error });
    return;
  }
  const previous = store.getFile(file.path);
  if (previous && previous.contentHash === result.contentHash) {
    store.touchFile(file.path, result.size, result.mtimeMs);
    report.unchanged += previous.documentIds.length;
    return;
  }
  if (result.warning) report.warnings.push({ path: result.path, warning: result.warning });
  const records = result.records.map(fromPortable);
  try {
    const outcome = store.replaceFile(
      { path: result.path, contentHash: result.contentHash, size: result.size, mtimeMs: result.mtimeMs },
      records,
    );
    if (outcome === "added") report.added += records.length;
    else report.updated += records.length;
    for (const record of records) {
      report.passages += record.passages.length;
      report.dates += record.dates.length;
      report.mentions += record.mentions?.length ?? 0;
      report.events += record.events?.length ?? 0;
    }
  } catch (error) {
    report.failed.push({
      path: result.path,
      error: `could not store it: ${(error as Error).message}; nothing was changed`,
    });
  }
}

/** Recomputes derived-copy and near-duplicate relations over every stored signature. */
export function relateDocuments(store: Store): void {
  store.setDocumentRelations(findRelations(store.signatures()));
}

import { parentPort } from "node:worker_threads";
import type { FoundFile } from "../read/discover.js";
import { processFile, type ProcessOptions, type ProcessResult } from "./process-file.js";

export interface WorkRequest {
  id: number;
  file: FoundFile;
  options: ProcessOptions;
}

/** What a worker posts: pages done while a file is being OCR'd, then the file's result. */
export type WorkMessage =
  { id: number; pages: { done: number; total: number } } | { id: number; result: ProcessResult };

/** Files are read one after another, in the order they were sent (the pool sends the next before one ends). */
let previous: Promise<void> = Promise.resolve();

parentPort?.on("message", (request: WorkRequest) => {
  const post = (message: WorkMessage) => parentPort?.postMessage(message);
  previous = previous
    .then(() =>
      processFile(request.file, request.options, (done, total) => post({ id: request.id, pages: { done, total } })),
    )
    .then((result) => post({ id: request.id, result }));
});

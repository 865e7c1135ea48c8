import { parentPort } from "node:worker_threads";
import type { FoundFile } from "../read/discover.js";
import { processFile, type ProcessOptions } from "./process-file.js";

export interface WorkRequest {
  id: number;
  file: FoundFile;
  options: ProcessOptions;
}

parentPort?.on("message", (request: WorkRequest) => {
  void processFile(request.file, request.options).then((result) => parentPort?.postMessage({ id: request.id, result }));
});

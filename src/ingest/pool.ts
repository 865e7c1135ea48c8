import { Worker } from "node:worker_threads";
import type { FoundFile } from "../read/discover.js";
import { processFile, type ProcessOptions, type ProcessResult } from "./process-file.js";
import type { PageProgress } from "../parse/binary/index.js";
import type { WorkMessage, WorkRequest } from "./worker.js";

const WORKER_SCRIPT = new URL("./worker.js", import.meta.url);
/** Heap limit per worker, so one hostile file cannot take the machine's memory. */
const WORKER_HEAP_MB = 1024;

/** Runs processFile on worker threads, or inline when `size` is 0. */
export class FileProcessorPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private nextId = 0;

  constructor(
    size: number,
    private readonly options: ProcessOptions,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  get concurrency(): number {
    return Math.max(1, this.workers.size);
  }

  async process(file: FoundFile, onPage?: PageProgress): Promise<ProcessResult> {
    if (this.workers.size === 0) return processFile(file, this.options, onPage);
    const worker = await this.acquire();
    const { result, usable } = await this.run(worker, file, onPage);
    this.release(usable);
    return result;
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.workers.add(worker);
    return worker;
  }

  /** A worker that dies (out of memory on a hostile file) fails only that file and is replaced. */
  private run(
    worker: Worker,
    file: FoundFile,
    onPage?: PageProgress,
  ): Promise<{ result: ProcessResult; usable: Worker }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const onMessage = (message: WorkMessage) => {
        if (message.id !== id) return;
        if ("pages" in message) return onPage?.(message.pages.done, message.pages.total);
        cleanup();
        resolve({ result: message.result, usable: worker });
      };
      const fail = (why: string) => {
        cleanup();
        this.workers.delete(worker);
        void worker.terminate();
        const reason = `reading this file exhausted the worker (${why}); split the file or report it`;
        resolve({ result: { ok: false, path: file.path, error: reason }, usable: this.spawn() });
      };
      const onError = (error: Error) => fail(error.message);
      const onExit = (code: number) => fail(`it stopped with code ${code}`);
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      const request: WorkRequest = { id, file, options: this.options };
      worker.postMessage(request);
    });
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }
}

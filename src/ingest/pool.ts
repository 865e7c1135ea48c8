import { Worker } from "node:worker_threads";
import type { FoundFile } from "../read/discover.js";
import { processFile, type ProcessOptions, type ProcessResult } from "./process-file.js";
import type { PageProgress } from "../parse/binary/index.js";
import type { WorkMessage, WorkRequest } from "./worker.js";

const WORKER_SCRIPT = new URL("./worker.js", import.meta.url);
/** Heap limit per worker, so one hostile file cannot take the machine's memory. */
const WORKER_HEAP_MB = 1024;
/**
 * Files handed to one worker at a time: it starts the next as soon as it finishes one, instead of
 * waiting until the main thread, busy storing another worker's result, hands it more.
 */
const FILES_PER_WORKER = 2;

interface Job {
  id: number;
  file: FoundFile;
  onPage: PageProgress | undefined;
  resolve: (result: ProcessResult) => void;
}

/** A worker and the jobs sent to it, in the order it runs them: the first is the one running. */
interface Slot {
  worker: Worker;
  jobs: Job[];
}

/** Runs processFile on worker threads, or inline when `size` is 0. */
export class FileProcessorPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    size: number,
    private readonly options: ProcessOptions,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get concurrency(): number {
    return Math.max(1, this.slots.length);
  }

  /** Files processed or queued in the workers at once. */
  get capacity(): number {
    return this.slots.length === 0 ? 1 : this.slots.length * FILES_PER_WORKER;
  }

  process(file: FoundFile, onPage?: PageProgress): Promise<ProcessResult> {
    if (this.slots.length === 0) return processFile(file, this.options, onPage);
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, file, onPage, resolve });
      this.dispatch();
    });
  }

  /** Sends waiting jobs to the least loaded workers that have room. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.reduce((best, s) => (s.jobs.length < best.jobs.length ? s : best));
      if (slot.jobs.length >= FILES_PER_WORKER) return;
      const job = this.waiting.shift()!;
      slot.jobs.push(job);
      const request: WorkRequest = { id: job.id, file: job.file, options: this.options };
      slot.worker.postMessage(request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, jobs: [] };
    worker.on("message", (message: WorkMessage) => {
      const job = slot.jobs.find((j) => j.id === message.id);
      if (!job) return;
      if ("pages" in message) return job.onPage?.(message.pages.done, message.pages.total);
      slot.jobs.splice(slot.jobs.indexOf(job), 1);
      job.resolve(message.result);
      this.dispatch();
    });
    worker.on("error", (error: Error) => this.replace(slot, error.message));
    worker.on("exit", (code: number) => this.replace(slot, `it stopped with code ${code}`));
    return slot;
  }

  /**
   * A worker that dies (out of memory on a hostile file) fails only the file it was reading; it is
   * replaced, and the files sent to it after that one go to the workers again.
   */
  private replace(slot: Slot, why: string): void {
    const index = this.slots.indexOf(slot);
    if (this.closed || index < 0) return;
    void slot.worker.terminate();
    const [running, ...queued] = slot.jobs;
    this.slots[index] = this.spawn();
    this.waiting.unshift(...queued);
    if (running) {
      const error = `reading this file exhausted the worker (${why}); split the file or report it`;
      running.resolve({ ok: false, path: running.file.path, error });
    }
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

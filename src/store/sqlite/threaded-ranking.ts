import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BestMatches, Ranking } from "./top-k-ranking.js";

/** One expression to rank with the passage counts of its phrases, as `Ranking.best` takes them. */
export interface RankTask {
  expression: string;
  phraseCounts: string;
}

/** What the main thread sends a ranking thread: a batch of tasks, or null to close. */
export type RankRequest = { first: number; tasks: RankTask[] } | null;
/** What a ranking thread answers: the batch's results in order, or why it could not. */
export type RankReply = { first: number; results: (BestMatches | undefined)[] } | { error: string };

export interface RankThreadData {
  path: string;
  k: number;
  minMatches: number;
  port: MessagePort;
  /** Incremented by a thread after each reply, so the main thread can sleep until one comes. */
  signal: Int32Array;
}

/** Built by the set-up; resolved from dist so that the TypeScript sources (tests) start the compiled thread too. */
const THREAD_SCRIPT = new URL("../../../dist/store/sqlite/ranking-thread.js", import.meta.url);
/** Tasks sent at once, two batches ahead: enough to keep a thread busy between the main thread's turns. */
const BATCH = 4;
/** A thread silent this long has died (a ranking takes well under a second at 1 GB). */
const SILENCE_MS = 120_000;

/** Whether the set-up built the thread's script: without it, rank on the calling thread. */
export function canRankOnThreads(): boolean {
  return existsSync(fileURLToPath(THREAD_SCRIPT));
}

/**
 * Ranks `tasks` on `threads` threads, each with its own read-only connection to the database file
 * at `path`, and hands each result to `take` in task order. Synchronous: it is called inside the
 * transaction that replaces the table, whose write lock keeps every connection reading the same data.
 * When a thread fails, the tasks not yet taken are ranked by `inline` on this thread.
 */
export function rankOnThreads(
  path: string,
  tasks: readonly RankTask[],
  options: { k: number; minMatches: number; threads: number; inline: Ranking },
  take: (index: number, result: BestMatches | undefined) => void,
): void {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const threads = Array.from({ length: Math.min(options.threads, Math.ceil(tasks.length / BATCH)) }, () => {
    const { port1, port2 } = new MessageChannel();
    const data: RankThreadData = { path, k: options.k, minMatches: options.minMatches, port: port2, signal };
    return { worker: new Worker(THREAD_SCRIPT, { workerData: data, transferList: [port2] }), port: port1 };
  });
  const done = new Map<number, BestMatches | undefined>();
  let sent = 0;
  let taken = 0;
  const send = (port: MessagePort) => {
    const request: RankRequest = sent < tasks.length ? { first: sent, tasks: tasks.slice(sent, sent + BATCH) } : null;
    if (request) sent += request.tasks.length;
    port.postMessage(request);
  };
  try {
    for (const { port } of threads) for (let ahead = 0; ahead < 2; ahead++) send(port);
    while (taken < tasks.length) {
      const seen = Atomics.load(signal, 0);
      let replied = false;
      for (const { port } of threads) {
        for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
          const reply = message.message as RankReply;
          if ("error" in reply) throw new Error(`a ranking thread failed: ${reply.error}`);
          reply.results.forEach((result, i) => done.set(reply.first + i, result));
          replied = true;
          send(port);
        }
      }
      for (; done.has(taken); taken++) {
        take(taken, done.get(taken));
        done.delete(taken);
      }
      if (!replied && Atomics.wait(signal, 0, seen, SILENCE_MS) === "timed-out")
        throw new Error(`no ranking thread answered for ${SILENCE_MS / 1000} s`);
    }
  } catch (error) {
    process.emitWarning(`annals: top matches ranked on one thread from here on (${(error as Error).message})`);
    for (; taken < tasks.length; taken++) {
      const task = tasks[taken]!;
      take(taken, options.inline.best(task.expression, task.phraseCounts, options.k, options.minMatches));
    }
  } finally {
    for (const { worker, port } of threads) {
      port.close();
      void worker.terminate();
    }
  }
}

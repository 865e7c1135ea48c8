import { workerData } from "node:worker_threads";
import type { RankReply, RankRequest, RankThreadData } from "./threaded-ranking.js";

/** A thread of `rankOnThreads`: ranks each batch it is sent on its own read-only connection. */
const { path, k, minMatches, port, signal } = workerData as RankThreadData;

const reply = (message: RankReply) => {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

try {
  const { default: Database } = await import("better-sqlite3");
  const { loadBm25Given } = await import("./bm25-given.js");
  const { TopKRanking } = await import("./top-k-ranking.js");
  const db = new Database(path, { readonly: true, fileMustExist: true });
  if (!loadBm25Given(db)) throw new Error("the native extension did not load");
  const ranking = new TopKRanking(db);
  port.on("message", (request: RankRequest) => {
    if (request === null) {
      if (db.open) db.close();
      port.close();
      return;
    }
    try {
      const results = request.tasks.map((task) => ranking.best(task.expression, task.phraseCounts, k, minMatches));
      reply({ first: request.first, results });
    } catch (error) {
      reply({ error: (error as Error).message });
    }
  });
} catch (error) {
  reply({ error: (error as Error).message });
}

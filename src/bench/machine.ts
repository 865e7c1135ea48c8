import { Worker } from "node:worker_threads";

/** A fixed amount of integer work, run in a worker thread. */
const SPIN = `
  const { parentPort, workerData } = require("node:worker_threads");
  let x = 0;
  for (let i = 0; i < workerData; i++) x = (x + Math.imul(i, 2654435761)) | 0;
  parentPort.postMessage(x);
`;
const ITERATIONS = 400_000_000;

async function spin(threads: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) =>
          new Worker(SPIN, { eval: true, workerData: ITERATIONS })
            .once("message", () => resolve())
            .once("error", reject),
        ),
    ),
  );
  return (performance.now() - started) / 1000;
}

/**
 * How much more work `threads` threads get done than one, measured on a pure CPU loop: on a
 * machine whose cores are shared or hyper-threads this is well below `threads`, and it caps the
 * speed-up any multi-threaded ingest can get.
 */
export async function parallelSpeedup(threads: number): Promise<{ single: number; parallel: number; speedup: number }> {
  const single = await spin(1);
  const parallel = await spin(threads);
  return { single, parallel, speedup: (threads * single) / parallel };
}

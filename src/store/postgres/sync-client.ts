import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

export interface SqlStatement {
  text: string;
  values?: readonly unknown[];
}

export interface SqlResult<Row = Record<string, unknown>> {
  rows: Row[];
  rowCount: number;
}

export interface BridgeRequest {
  connection: number;
  /** Open `connection` to this URL first. */
  open?: string;
  statements: readonly SqlStatement[];
  /** Run the statements in one transaction (BEGIN … COMMIT, ROLLBACK on the first error). */
  transaction: boolean;
  close?: boolean;
}

export interface BridgeReply {
  results?: SqlResult[];
  error?: { message: string; code?: string; constraint?: string; detail?: string };
}

/** An error PostgreSQL reported, with its SQLSTATE code and the constraint it names. */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly constraint?: string,
  ) {
    super(message);
    this.name = "PostgresError";
  }
}

/**
 * The worker's first lines: load pg-worker, and when that fails say so through the reply channel (a
 * thread asleep in Atomics.wait hears nothing else). Under the test runner this module is TypeScript
 * and pg-worker is loaded through tsx.
 */
function workerBootstrap(): string {
  const here = fileURLToPath(import.meta.url);
  const entry = JSON.stringify(new URL(`./pg-worker${extname(here)}`, import.meta.url).href);
  const load =
    extname(here) === ".ts"
      ? `import("tsx/esm/api").then((tsx) => tsx.tsImport(${entry}, ${entry}))`
      : `import(${entry})`;
  return `const { workerData } = require("node:worker_threads");
    ${load}.catch((error) => {
      workerData.port.postMessage({ error: { message: "cannot start the PostgreSQL worker: " + error.message } });
      Atomics.store(workerData.signal, 0, 1);
      Atomics.notify(workerData.signal, 0);
    });`;
}

/** How long a call may go without an answer before the connection is taken for dead. */
const REPLY_TIMEOUT_MS = 10 * 60_000;

/**
 * A PostgreSQL connection called synchronously: the `pg` client runs in a worker thread and this
 * thread sleeps on Atomics.wait until the reply is posted. Each call is one round trip to the worker
 * (measured ≈0.1 ms on top of the query, docs/design.md), so callers send a whole batch of
 * statements per call rather than one statement at a time.
 */
/**
 * A PostgreSQL connection called synchronously: the `pg` client runs in a worker thread and this
 * thread sleeps on Atomics.wait until the reply is posted. Each call is one round trip to the worker
 * (measured ≈0.2 ms on top of the query, docs/design.md), so callers send a whole batch of
 * statements per call rather than one statement at a time. One worker, started with the first
 * connection, serves every connection of the thread.
 */
export class SyncPostgres {
  private static bridge: Bridge | undefined;
  private static connections = 0;
  private readonly bridge: Bridge;
  private readonly id: number;
  private closed = false;

  constructor(url: string) {
    this.bridge = SyncPostgres.bridge ??= new Bridge();
    this.id = ++SyncPostgres.connections;
    this.call({ connection: this.id, open: url, statements: [], transaction: false });
  }

  query<Row = Record<string, unknown>>(text: string, values: readonly unknown[] = []): SqlResult<Row> {
    return this.batch([{ text, values }])[0] as SqlResult<Row>;
  }

  /** Runs the statements in order in one round trip; with `transaction`, all or none take effect. */
  batch(statements: readonly SqlStatement[], transaction = false): SqlResult[] {
    if (this.closed) throw new PostgresError("the PostgreSQL connection is closed");
    return this.call({ connection: this.id, statements, transaction });
  }

  /** Several calls in one transaction, for work whose next statements depend on earlier results. */
  transaction<T>(work: () => T): T {
    this.query("BEGIN");
    try {
      const result = work();
      this.query("COMMIT");
      return result;
    } catch (error) {
      this.query("ROLLBACK");
      throw error;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.call({ connection: this.id, statements: [], transaction: false, close: true });
  }

  private call(request: BridgeRequest): SqlResult[] {
    const reply = this.bridge.call(request);
    if (reply.error) {
      const { message, code, constraint } = reply.error;
      throw new PostgresError(message, code, constraint);
    }
    return reply.results ?? [];
  }
}

/** The worker thread and the channel and flag a caller waits on. */
class Bridge {
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    const worker = new Worker(workerBootstrap(), {
      eval: true,
      workerData: { port: channel.port2, signal: this.signal },
      transferList: [channel.port2],
    });
    // An idle worker keeps no process alive.
    worker.unref();
    this.port.unref();
  }

  call(request: BridgeRequest): BridgeReply {
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(request);
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    for (;;) {
      Atomics.wait(this.signal, 0, 0, 1000);
      const received = receiveMessageOnPort(this.port);
      if (received) return received.message as BridgeReply;
      if (Date.now() > deadline) throw new PostgresError("no answer from the PostgreSQL worker thread");
    }
  }
}

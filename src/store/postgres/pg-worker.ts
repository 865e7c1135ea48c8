import { workerData, type MessagePort } from "node:worker_threads";
import pg from "pg";
import type { BridgeReply, BridgeRequest, SqlStatement } from "./sync-client.js";

/**
 * The worker side of the synchronous bridge: one PostgreSQL connection, statements run in the order
 * they came, each request's reply posted before the waiting thread is woken.
 */
const { url, port, signal } = workerData as { url: string; port: MessagePort; signal: Int32Array };

// count(*), identities and other bigints: every value the store keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const client = new pg.Client({ connectionString: url });
let broken: Error | undefined;
client.on("error", (error) => (broken = error));
const connected = client.connect().catch((error: unknown) => {
  broken = error as Error;
});

port.on("message", (request: BridgeRequest) => {
  void handle(request).then((reply) => {
    port.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});

async function handle(request: BridgeRequest): Promise<BridgeReply> {
  await connected;
  if (request.close) {
    if (!broken) await client.end().catch(() => undefined);
    return { results: [] };
  }
  if (broken) return { error: describe(broken) };
  try {
    return { results: await runAll(request.statements, request.transaction) };
  } catch (error) {
    return { error: describe(error as Error) };
  }
}

async function runAll(statements: readonly SqlStatement[], transaction: boolean) {
  if (transaction) await client.query("BEGIN");
  try {
    const results = [];
    for (const statement of statements) results.push(await run(statement));
    if (transaction) await client.query("COMMIT");
    return results;
  } catch (error) {
    if (transaction) await client.query("ROLLBACK");
    throw error;
  }
}

async function run(statement: SqlStatement) {
  const result = await client.query(statement.text, [...(statement.values ?? [])]);
  return { rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 };
}

function describe(error: Error): NonNullable<BridgeReply["error"]> {
  const fields = error as Error & { code?: string; constraint?: string; detail?: string };
  return {
    message: error.message,
    ...(fields.code === undefined ? {} : { code: fields.code }),
    ...(fields.constraint === undefined ? {} : { constraint: fields.constraint }),
    ...(fields.detail === undefined ? {} : { detail: fields.detail }),
  };
}

import { workerData, type MessagePort } from "node:worker_threads";
import pg from "pg";
import type { BridgeReply, BridgeRequest, SqlStatement } from "./sync-client.js";

/**
 * The worker side of the synchronous bridge: the process's PostgreSQL connections, statements run in
 * the order they came, each request's reply posted before the waiting thread is woken.
 */
const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

// count(*), identities and other bigints: every value the store keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

interface Connection {
  client: pg.Client;
  connected: Promise<void>;
  broken?: Error;
}

const connections = new Map<number, Connection>();

port.on("message", (request: BridgeRequest) => {
  void handle(request).then((reply) => {
    port.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});

async function handle(request: BridgeRequest): Promise<BridgeReply> {
  if (request.open !== undefined) connections.set(request.connection, connect(request.open));
  const connection = connections.get(request.connection);
  if (!connection) return { error: { message: `no PostgreSQL connection ${request.connection}` } };
  await connection.connected;
  if (request.close) {
    connections.delete(request.connection);
    if (!connection.broken) await connection.client.end().catch(() => undefined);
    return { results: [] };
  }
  if (connection.broken) return { error: describe(connection.broken) };
  try {
    return { results: await runAll(connection.client, request.statements, request.transaction) };
  } catch (error) {
    return { error: describe(error as Error) };
  }
}

function connect(url: string): Connection {
  const client = new pg.Client({ connectionString: url });
  const connection: Connection = { client, connected: Promise.resolve() };
  client.on("error", (error) => (connection.broken = error));
  connection.connected = client.connect().then(
    () => undefined,
    (error: unknown) => {
      connection.broken = error as Error;
    },
  );
  return connection;
}

async function runAll(client: pg.Client, statements: readonly SqlStatement[], transaction: boolean) {
  if (transaction) await client.query("BEGIN");
  try {
    const results = [];
    for (const statement of statements) results.push(await run(client, statement));
    if (transaction) await client.query("COMMIT");
    return results;
  } catch (error) {
    if (transaction) await client.query("ROLLBACK");
    throw error;
  }
}

async function run(client: pg.Client, statement: SqlStatement) {
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

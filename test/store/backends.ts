import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { SyncPostgres } from "../../src/store/postgres/sync-client.js";

/** A store backend the shared suites run against: `open` gives a new, empty knowledge base. */
export interface Backend {
  name: "sqlite" | "postgres";
  open(): Store;
}

const SERVER = process.env.ANNALS_TEST_PG;

const sqlite: Backend = { name: "sqlite", open: () => openStore(":memory:") };

/**
 * PostgreSQL when ANNALS_TEST_PG names a server (scripts/test-postgres.sh starts a throwaway one).
 * Each store gets a schema of its own, dropped when the test file ends. Under CI a missing server
 * is a failure, not a skip.
 */
const postgres: Backend = { name: "postgres", open: () => openStore(postgresUrl()) };

/** A URL of a new, empty PostgreSQL knowledge base on the test server. */
export function postgresUrl(): string {
  if (SERVER === undefined) {
    throw new Error(
      "ANNALS_TEST_PG is not set: CI must run the store suite against PostgreSQL (bash scripts/test-postgres.sh starts a server and sets it)",
    );
  }
  return freshSchema(SERVER);
}

export const backends: Backend[] = SERVER !== undefined || process.env.CI === "true" ? [sqlite, postgres] : [sqlite];

const schemas: string[] = [];
let admin: SyncPostgres | undefined;

/** The server URL with a new empty schema first on the search path. */
function freshSchema(server: string): string {
  admin ??= new SyncPostgres(server);
  const schema = `test_${randomBytes(6).toString("hex")}`;
  admin.query(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  // Not new URL(): a unix-socket URL (postgresql://user@/db?host=/tmp/x) has no host for it.
  return `${server}${server.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

afterAll(() => {
  if (!admin) return;
  for (const schema of schemas.splice(0)) admin.query(`DROP SCHEMA ${schema} CASCADE`);
  admin.close();
  admin = undefined;
});

import { PostgresStore } from "./postgres/postgres-store.js";
import { SqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

export type * from "./store.js";

export type StoreOptions = SqliteStoreOptions;

/** A `postgres://` or `postgresql://` URL names a PostgreSQL database; anything else a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Opens (creating and migrating when needed) the knowledge base at `location`: a PostgreSQL URL, a
 * SQLite file path, or ":memory:". `readonly` applies to SQLite files.
 */
export function openStore(location: string, options: StoreOptions = {}): Store {
  if (isPostgresUrl(location)) return new PostgresStore(location);
  return new SqliteStore(location, options);
}

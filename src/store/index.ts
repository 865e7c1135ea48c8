import { UsageError } from "../core/errors.js";
import { SqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

export type * from "./store.js";

export type StoreOptions = SqliteStoreOptions;

/**
 * Opens (creating and migrating when needed) the knowledge base at `path`: a SQLite file, or
 * ":memory:". A PostgreSQL URL will select the server backend once it exists.
 */
export function openStore(path: string, options: StoreOptions = {}): Store {
  if (/^postgres(ql)?:\/\//.test(path)) {
    throw new UsageError("the PostgreSQL backend is not available yet; use a SQLite file path");
  }
  return new SqliteStore(path, options);
}

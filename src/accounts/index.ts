import { InputError } from "../core/errors.js";
import { isPostgresUrl, openStore } from "../store/index.js";
import { PostgresError } from "../store/postgres/sync-client.js";
import { redacted } from "../store/postgres/postgres-store.js";
import { openPostgresAccountStore } from "./postgres.js";
import { openSqliteAccountStore } from "./sqlite.js";
import type { AccountStore } from "./types.js";

export type * from "./types.js";

/**
 * The accounts of the knowledge base at `location` (a SQLite file, ":memory:" or a PostgreSQL URL),
 * created with their tables when needed. The knowledge base is opened first, so accounts only ever go
 * into an annals knowledge base (its migrations refuse a database holding tables of another kind).
 */
export function openAccountStore(location: string): AccountStore {
  if (location !== ":memory:") openStore(location).close();
  if (!isPostgresUrl(location)) return openSqliteAccountStore(location);
  try {
    return openPostgresAccountStore(location);
  } catch (error) {
    if (error instanceof PostgresError) {
      throw new InputError(
        `cannot open the accounts of ${redacted(location)}: ${error.message}`,
        "postgres-unavailable",
      );
    }
    throw error;
  }
}
